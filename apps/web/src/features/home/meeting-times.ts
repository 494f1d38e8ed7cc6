import type { OccurrenceDto } from '@hearth/contracts';

import { formatDateTime, myTimeZone } from '../../ui/local-time';

/** "Tokyo time" for Asia/Tokyo: said when a meeting's zone is not the browser's. */
function zoneName(timeZone: string): string {
  return `${timeZone.split('/').at(-1)?.replaceAll('_', ' ') ?? timeZone} time`;
}

/**
 * When a meeting happens, in its group's own time zone: "Every Tuesday at 7:00 PM" for a series, the full date
 * and time for a one-off, and the zone named when it is not the browser's.
 */
export function meetingWhen(occurrence: Pick<OccurrenceDto, 'startsAt' | 'timezone' | 'recurrence'>): string {
  const at = new Date(occurrence.startsAt);
  const timeZone = occurrence.timezone;
  const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone }).format(at);
  const when =
    occurrence.recurrence === 'weekly'
      ? `Every ${new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone }).format(at)} at ${time}`
      : new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
  return timeZone === myTimeZone() ? when : `${when} (${zoneName(timeZone)})`;
}

/** The next occurrence in the browser's own time, for a series whose zone differs. */
export function nextInMyTime(occurrence: OccurrenceDto): string {
  return formatDateTime(occurrence.startsAt);
}

/** One entry per meeting: a series is listed once, by its next occurrence. */
export function nextOfEach(occurrences: OccurrenceDto[]): OccurrenceDto[] {
  const seen = new Set<string>();
  return occurrences.filter((o) => !seen.has(o.meetingId) && seen.add(o.meetingId));
}
