import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';

import { MemorySharedState } from './shared-state.js';

describe('MemorySharedState', () => {
  let state: MemorySharedState;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-06-01T12:00:00Z') });
    state = new MemorySharedState();
  });

  afterEach(async () => {
    await state.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('keeps a number until it expires', async () => {
    await state.setNumber('a', 42, 1000);
    await expect(state.getNumber('a')).resolves.toBe(42);
    jest.advanceTimersByTime(1000);
    await expect(state.getNumber('a')).resolves.toBeNull();
  });

  it('keeps only the last entries of a list, and the list expires after its last append', async () => {
    for (const entry of ['1', '2', '3', '4']) await state.append('l', entry, 3, 1000);
    await expect(state.list('l')).resolves.toEqual(['2', '3', '4']);
    jest.advanceTimersByTime(900);
    await state.append('l', '5', 3, 1000);
    jest.advanceTimersByTime(900);
    await expect(state.list('l')).resolves.toEqual(['3', '4', '5']);
    jest.advanceTimersByTime(100);
    await expect(state.list('l')).resolves.toEqual([]);
  });

  it('does not mistake a list for a number', async () => {
    await state.append('x', '1', 3, 1000);
    await expect(state.getNumber('x')).resolves.toBeNull();
  });

  it('gives a rate limiter that refuses once the budget is spent', async () => {
    const limiter = state.rateLimiter({ keyPrefix: 't', points: 2, duration: 60 });
    await limiter.consume('k');
    await limiter.consume('k');
    await expect(limiter.consume('k')).rejects.toMatchObject({ remainingPoints: 0 });
  });
});
