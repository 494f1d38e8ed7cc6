import { GroupedSync } from './grouped-sync.js';

/** A sync the test finishes by hand, recording when each began and ended. */
function manualSyncs() {
  const log: string[] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let count = 0;
  const sync = () =>
    new Promise<void>((resolve, reject) => {
      const n = ++count;
      log.push(`start ${n}`);
      pending.push({
        resolve: () => {
          log.push(`end ${n}`);
          resolve();
        },
        reject,
      });
    });
  return { sync, log, pending };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupedSync', () => {
  it('starts a sync at once when none is running, and settles the call when it ends', async () => {
    const { sync, log, pending } = manualSyncs();
    const grouped = new GroupedSync(sync);
    let done = false;
    void grouped.synced().then(() => (done = true));
    expect(log).toEqual(['start 1']);
    await settled();
    expect(done).toBe(false);
    pending[0].resolve();
    await settled();
    expect(done).toBe(true);
  });

  it('never answers a call with a sync that began before it: a call during a sync waits for the next', async () => {
    const { sync, log, pending } = manualSyncs();
    const grouped = new GroupedSync(sync);
    const events: string[] = [];
    void grouped.synced().then(() => events.push('first'));
    void grouped.synced().then(() => events.push('second'));
    pending[0].resolve();
    await settled();
    expect(events).toEqual(['first']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2']);
    pending[1].resolve();
    await settled();
    expect(events).toEqual(['first', 'second']);
  });

  it('serves every call made during one sync with one next sync', async () => {
    const { sync, log, pending } = manualSyncs();
    const grouped = new GroupedSync(sync);
    const calls = [grouped.synced(), grouped.synced(), grouped.synced(), grouped.synced()];
    pending[0].resolve();
    await settled();
    pending[1].resolve();
    await Promise.all(calls);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    expect(grouped.stats).toEqual({ calls: 4, syncs: 2 });
  });

  it('rejects the calls a failed sync served, and the next call starts a new sync', async () => {
    const { sync, log, pending } = manualSyncs();
    const grouped = new GroupedSync(sync);
    const failed = grouped.synced();
    const waiting = grouped.synced();
    pending[0].reject(new Error('EIO'));
    await expect(failed).rejects.toThrow('EIO');
    // The waiting call still gets a sync of its own, begun after the failure.
    await settled();
    expect(log).toEqual(['start 1', 'start 2']);
    pending[1].resolve();
    await expect(waiting).resolves.toBeUndefined();
    const later = grouped.synced();
    expect(log).toEqual(['start 1', 'start 2', 'end 2', 'start 3']);
    pending[2].resolve();
    await expect(later).resolves.toBeUndefined();
  });
});
