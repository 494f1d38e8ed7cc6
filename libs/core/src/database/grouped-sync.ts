/**
 * Shares disk syncs between callers without ever answering one with a sync that began before it asked.
 *
 * - With no sync running, a call starts one at once.
 * - While one runs, it may have begun before the caller's write reached the file, so the caller waits for the
 *   next; every call made during that run shares that one next sync.
 * - A failed sync rejects the calls it served; the next call starts a new one.
 */
export class GroupedSync {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** Calls, and syncs actually made, since start (tests and the benchmark read these). */
  readonly stats = { calls: 0, syncs: 0 };

  constructor(private readonly sync: () => Promise<void>) {}

  synced(): Promise<void> {
    this.stats.calls += 1;
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const next = () => {
      this.queued = null;
      return this.start();
    };
    this.queued = this.running.then(next, next);
    return this.queued;
  }

  private start(): Promise<void> {
    this.stats.syncs += 1;
    const run: Promise<void> = this.sync().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }
}
