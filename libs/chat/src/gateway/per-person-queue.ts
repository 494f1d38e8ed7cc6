/**
 * Runs one person's work of a kind one at a time on this node, in arrival order; different people's work runs
 * side by side. A failure of one piece never stops the next.
 */
export class PerPersonQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(person: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(person) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(person, tail);
    void tail.then(() => {
      if (this.tails.get(person) === tail) this.tails.delete(person);
    });
    return result;
  }

  /** People with work queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
