const DAY = 86_400_000;

/**
 * Since when a rhythm is due: `everyDays` days after her latest response of that instrument (whenever she gave
 * it, so that one taken just before a group asked counts), never before the rhythm's start. Null when it is not
 * due yet.
 */
export function dueSince(
  rhythm: { startsAt: Date; everyDays: number },
  latestResponse: Date | null,
  now: Date,
): Date | null {
  const next = latestResponse ? latestResponse.getTime() + rhythm.everyDays * DAY : 0;
  const since = new Date(Math.max(rhythm.startsAt.getTime(), next));
  return since <= now ? since : null;
}
