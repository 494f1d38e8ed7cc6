import type { NoticeKind } from './notice.js';

/** After this many failed attempts a notification is given up as `failed`. */
export const MAX_ATTEMPTS = 8;

/**
 * How long to wait before the next attempt after `attempts` failures: doubling from a base, capped, with up to
 * a fifth of jitter so that many retries do not arrive together. A crisis alert retries sooner and is capped
 * lower (its repeats are a second net).
 */
export function retryDelayMs(kind: NoticeKind, attempts: number, random: () => number = Math.random): number {
  const crisis = kind.startsWith('crisis');
  const base = crisis ? 5_000 : 30_000;
  const cap = crisis ? 120_000 : 3_600_000;
  const delay = Math.min(cap, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (1 + random() * 0.2));
}
