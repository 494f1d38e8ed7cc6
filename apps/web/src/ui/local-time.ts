import { i18next } from '../i18n';

/**
 * Dates and times as the person lives them: in this browser's time zone and language, through `Intl`. Instants
 * (ISO timestamps) are shown in the zone; calendar days (`YYYY-MM-DD`, already a day somewhere) are shown as that
 * day, never moved by the zone.
 */

/**
 * The language Hearth speaks now, for `Intl`: the browser's own form of it when it has one (`en-GB`, `es-MX`, so
 * dates keep the person's regional order), else the bare language (`es` on an English browser).
 */
export function myLocale(): string {
  const spoken = i18next.resolvedLanguage ?? i18next.language ?? 'en';
  const regional = (navigator.languages ?? [navigator.language]).find(
    (tag) => tag.toLowerCase().split('-')[0] === spoken,
  );
  return regional ?? spoken;
}

/** The browser's IANA time zone, e.g. America/Los_Angeles: what the server is told when it groups by day. */
export function myTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const dateTime = () => new Intl.DateTimeFormat(myLocale(), { dateStyle: 'medium', timeStyle: 'short' });
const time = () => new Intl.DateTimeFormat(myLocale(), { hour: '2-digit', minute: '2-digit' });
const date = () => new Intl.DateTimeFormat(myLocale(), { dateStyle: 'medium' });

export function formatDateTime(iso: string): string {
  return dateTime().format(new Date(iso));
}

export function formatTime(iso: string): string {
  return time().format(new Date(iso));
}

export function formatDate(iso: string): string {
  return date().format(new Date(iso));
}

/** A calendar day (`2026-12-01`) as written for people, e.g. "Dec 1, 2026" or, short, "Dec 1". */
export function formatCalendarDay(day: string, style: 'medium' | 'short' = 'medium'): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  const noon = new Date(Date.UTC(year, month - 1, dayOfMonth, 12));
  const options: Intl.DateTimeFormatOptions =
    style === 'short' ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(myLocale(), { ...options, timeZone: 'UTC' }).format(noon);
}

/** Today's calendar day where the person is (`YYYY-MM-DD`), e.g. for a date field's default. */
export function todayHere(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: myTimeZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
