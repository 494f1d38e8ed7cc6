import { retryDelayMs } from './back-off.js';

describe('retryDelayMs', () => {
  const none = () => 0;

  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs('crisis_alert', n, none))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ]);
    expect(retryDelayMs('crisis_alert', 12, none)).toBe(120_000);
  });

  it('adds at most a fifth of jitter', () => {
    expect(retryDelayMs('crisis_alert', 1, () => 0.999)).toBeLessThanOrEqual(6_000);
    expect(retryDelayMs('crisis_alert', 1, () => 0.5)).toBe(5_500);
  });
});
