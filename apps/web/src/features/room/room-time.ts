import type { MessageDto } from '@hearth/contracts';
import { useTranslation } from 'react-i18next';

import { formatInstant, formatTime } from '../../ui/local-time';

/** The calendar day of an instant where the person is, as `YYYY-MM-DD` (the browser's own time zone). */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/** The day before `now`'s, where the person is (a local date, so a change of daylight saving moves nothing). */
function dayBefore(now: Date): string {
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12));
}

/** A message's time of day, written as everywhere else in the client (`formatTime`); renders again on a change of language. */
export function useClockTime(): (iso: string) => string {
  useTranslation();
  return formatTime;
}

/** "Today", "Yesterday", else the date in the reader's language ("Tuesday, December 1"; the year when not this one). */
export function useDayLabel(now: Date = new Date()): (iso: string) => string {
  const { t } = useTranslation();
  const today = localDay(now);
  const yesterday = dayBefore(now);
  return (iso) => {
    const day = localDay(new Date(iso));
    if (day === today) return t('room.days.today');
    if (day === yesterday) return t('room.days.yesterday');
    return formatInstant(day.slice(0, 4) === today.slice(0, 4) ? 'day' : 'dayOfYear', iso);
  };
}

/** The timeline's messages, each marked when it is the first of its day. */
export function byDay(messages: MessageDto[]): { message: MessageDto; startsDay: boolean }[] {
  let previous = '';
  return messages.map((message) => {
    const day = localDay(new Date(message.createdAt));
    const startsDay = day !== previous;
    previous = day;
    return { message, startsDay };
  });
}
