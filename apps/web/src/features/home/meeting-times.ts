import type { OccurrenceDto } from '@hearth/contracts';

import { i18next } from '../../i18n';
import { formatDateTime, myLocale, myTimeZone } from '../../ui/local-time';

/** "Tokyo" for Asia/Tokyo: said ("Tokyo time") when a meeting's zone is not the browser's. */
function zonePlace(timeZone: string): string {
  return timeZone.split('/').at(-1)?.replaceAll('_', ' ') ?? timeZone;
}

/**
 * When a meeting happens, in its group's own time zone: "Every Tuesday at 7:00 PM" for a series, the full date
 * and time for a one-off, and the zone named when it is not the browser's.
 */
export function meetingWhen(occurrence: Pick<OccurrenceDto, 'startsAt' | 'timezone' | 'recurrence'>): string {
  const at = new Date(occurrence.startsAt);
  const timeZone = occurrence.timezone;
  const locale = myLocale();
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(at);
  const when =
    occurrence.recurrence === 'weekly'
      ? i18next.t('home.meetings.weekly', {
          weekday: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone }).format(at),
          time,
        })
      : new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
  return timeZone === myTimeZone()
    ? when
    : i18next.t('home.meetings.zone', { when, place: zonePlace(timeZone) });
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
