import { describe, expect, it } from '@jest/globals';

import { PerPersonQueue } from './per-person-queue.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('PerPersonQueue', () => {
  it('runs one person’s work one at a time, in order, and different people’s side by side', async () => {
    const queue = new PerPersonQueue();
    const log: string[] = [];
    const releases: (() => void)[] = [];
    const job = (name: string) => () =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`);
        releases.push(() => {
          log.push(`end ${name}`);
          resolve(name);
        });
      });
    const a1 = queue.run('ana', job('a1'));
    const a2 = queue.run('ana', job('a2'));
    const b1 = queue.run('ben', job('b1'));
    await tick();
    expect(log).toEqual(['start a1', 'start b1']);
    releases.shift()!();
    await tick();
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    releases.shift()!();
    releases.shift()!();
    expect(await Promise.all([a1, a2, b1])).toEqual(['a1', 'a2', 'b1']);
    await tick();
    expect(queue.size).toBe(0);
  });

  it('goes on after a failure, which reaches only its own caller', async () => {
    const queue = new PerPersonQueue();
    const failed = queue.run('ana', () => Promise.reject(new Error('busy')));
    const next = queue.run('ana', () => Promise.resolve('ok'));
    await expect(failed).rejects.toThrow('busy');
    await expect(next).resolves.toBe('ok');
  });
});
