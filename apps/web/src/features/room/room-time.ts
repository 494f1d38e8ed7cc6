import type { MessageDto } from '@hearth/contracts';
import { useTranslation } from 'react-i18next';

/** The calendar day of an instant where the person is, as `YYYY-MM-DD` (the browser's own time zone). */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/** The day before `now`'s, where the person is (a local date, so a change of daylight saving moves nothing). */
function dayBefore(now: Date): string {
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12));
}

const STYLES = {
  clock: { hour: 'numeric', minute: '2-digit' },
  day: { weekday: 'long', month: 'long', day: 'numeric' },
  dayOfYear: { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' },
  date: { dateStyle: 'medium' },
  full: { dateStyle: 'medium', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// A room renders every message again on each typing or presence event: one formatter per language and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant in `language`, in the browser's time zone. */
export function formatIn(language: string, style: keyof typeof STYLES, iso: string): string {
  const key = `${language} ${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, STYLES[style]);
    formatters.set(key, format);
  }
  return format.format(new Date(iso));
}

/** A message's time of day, in the language Hearth speaks now and the browser's time zone. */
export function useClockTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  return (iso) => formatIn(i18n.language, 'clock', iso);
}

/** "Today", "Yesterday", else the date in the reader's language ("Tuesday, December 1"; the year when not this one). */
export function useDayLabel(now: Date = new Date()): (iso: string) => string {
  const { t, i18n } = useTranslation();
  const today = localDay(now);
  const yesterday = dayBefore(now);
  return (iso) => {
    const day = localDay(new Date(iso));
    if (day === today) return t('room.days.today');
    if (day === yesterday) return t('room.days.yesterday');
    return formatIn(i18n.language, day.slice(0, 4) === today.slice(0, 4) ? 'day' : 'dayOfYear', iso);
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
