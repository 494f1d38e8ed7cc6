/**
 * The text of every message the load sends: an ordinary sentence of group chat, then its sender's key, its step,
 * its number and the time it was sent (microseconds), which the receivers read back. The sentence is one any
 * member might write, so Hearth's checks treat it as they would a real message; `run.ts` makes sure the crisis
 * detector does not read it as a crisis, since every alarm would add an incident's work to the figures.
 */
export const FILLER = 'Thinking about what came up on Tuesday, and what I want to bring next time.';

export function loadMessage(key: string, step: number, n: number, sentAtMicros: number): string {
  return `${FILLER} ${key}|${step}|${n}|${sentAtMicros}`;
}

/** What `loadMessage` wrote, or null for a body it did not write. */
export function readLoadMessage(
  body: string,
): { key: string; step: number; n: number; sentAtMicros: number } | null {
  if (!body.startsWith(FILLER)) return null;
  const [key, step, n, sentAt] = body.slice(FILLER.length + 1).split('|');
  if (!key) return null;
  return { key, step: Number(step), n: Number(n), sentAtMicros: Number(sentAt) };
}
