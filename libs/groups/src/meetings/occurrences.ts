import { DateTime } from 'luxon';

import type { Meeting } from './meeting.entity.js';

/** The most occurrences a single listing expands, whatever the window (a weekly series for ~4 years). */
const MAX_OCCURRENCES = 200;

/**
 * Occurrences of a meeting that start within [from, to), skipping cancelled ones. A weekly meeting keeps its
 * local wall-clock time in the group's time zone, so it does not shift by an hour across daylight-saving changes.
 */
export function occurrencesBetween(
  meeting: Meeting,
  timezone: string,
  from: Date,
  to: Date,
  cancelled: ReadonlySet<number> = new Set(),
): Date[] {
  const result: Date[] = [];
  if (!meeting.recurrence) {
    const start = meeting.startsAt.getTime();
    if (start >= from.getTime() && start < to.getTime() && !cancelled.has(start))
      result.push(meeting.startsAt);
    return result;
  }
  const first = DateTime.fromJSDate(meeting.startsAt, { zone: timezone });
  const end = Math.min(to.getTime(), (meeting.recurrenceEndsAt?.getTime() ?? Infinity) + 1);
  // Jump close to `from` instead of walking every week since the series began.
  const skip = Math.max(0, Math.floor((from.getTime() - meeting.startsAt.getTime()) / (7 * 86_400_000)) - 1);
  for (let week = skip; result.length < MAX_OCCURRENCES; week++) {
    const at = first.plus({ weeks: week }).toJSDate();
    if (at.getTime() >= end) break;
    if (at.getTime() >= from.getTime() && !cancelled.has(at.getTime())) result.push(at);
  }
  return result;
}

/** Whether an instant is one of the meeting's scheduled occurrences (cancelled or not). */
export function isOccurrence(meeting: Meeting, timezone: string, at: Date): boolean {
  const hits = occurrencesBetween(meeting, timezone, at, new Date(at.getTime() + 1));
  return hits.length === 1;
}

/** An instant as local time in a zone, e.g. 2026-12-07T19:00:00+01:00. */
export function localIso(at: Date, timezone: string): string {
  return (
    DateTime.fromJSDate(at, { zone: timezone }).toISO({ suppressMilliseconds: true }) ?? at.toISOString()
  );
}

export function isValidTimezone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
