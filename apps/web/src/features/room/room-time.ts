import type { MessageDto } from '@hearth/contracts';
import { useTranslation } from 'react-i18next';

/** The calendar day of an instant where the person is, as `YYYY-MM-DD` (the browser's own time zone). */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/** The day before `day`, where the person is (a local date, so a change of daylight saving moves nothing). */
function dayBefore(now: Date): string {
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12));
}

/** A message's time of day, in the language Hearth speaks now and the browser's time zone. */
export function useClockTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit' });
  return (iso) => format.format(new Date(iso));
}

/** "Today", "Yesterday", else the date in the reader's language ("Tuesday, December 1"; the year when not this one). */
export function useDayLabel(now: Date = new Date()): (iso: string) => string {
  const { t, i18n } = useTranslation();
  const today = localDay(now);
  const yesterday = dayBefore(now);
  return (iso) => {
    const at = new Date(iso);
    const day = localDay(at);
    if (day === today) return t('room.days.today');
    if (day === yesterday) return t('room.days.yesterday');
    return new Intl.DateTimeFormat(i18n.language, {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      ...(at.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    }).format(at);
  };
}

/** The timeline's messages, each marked with the day it starts when it is the first of that day. */
export function byDay(messages: MessageDto[]): { message: MessageDto; startsDay: boolean }[] {
  let previous = '';
  return messages.map((message) => {
    const day = localDay(new Date(message.createdAt));
    const startsDay = day !== previous;
    previous = day;
    return { message, startsDay };
  });
}

/** A date and time in full, in `language` and the browser's time zone ("Dec 3, 2026, 7:58 AM"). */
export function dateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
