/**
 * Dates and times as the person lives them: in this browser's time zone and language, through `Intl`. Instants
 * (ISO timestamps) are shown in the zone; calendar days (`YYYY-MM-DD`, already a day somewhere) are shown as that
 * day, never moved by the zone.
 */
import { i18next } from '../i18n';

/**
 * The language the app speaks now, with the browser's region when the browser speaks that language too (so that
 * en-GB keeps British dates, es-MX Mexican ones), else the language alone.
 */
export function myLocale(): string {
  const language = i18next.resolvedLanguage ?? 'en';
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  return tags.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

/** The browser's IANA time zone, e.g. America/Los_Angeles: what the server is told when it groups by day. */
export function myTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The ways an instant is written, everywhere in the client (the room, the alerts, the console, the account): one
 * clock style, so that the room's "4:29 AM" is the alert's "4:29 AM" too (the hour is never padded to "04").
 */
const STYLES = {
  clock: { hour: 'numeric', minute: '2-digit' },
  day: { weekday: 'long', month: 'long', day: 'numeric' },
  dayOfYear: { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' },
  date: { dateStyle: 'medium' },
  full: { dateStyle: 'medium', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type InstantStyle = keyof typeof STYLES;

// A room renders every message again on each typing or presence event: one formatter per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant in the language Hearth speaks now (with the browser's region), in the browser's time zone. */
export function formatInstant(style: InstantStyle, iso: string): string {
  const locale = myLocale();
  const key = `${locale} ${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, STYLES[style]);
    formatters.set(key, format);
  }
  return format.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return formatInstant('full', iso);
}

/** A time of day: "4:29 AM", "16:29", "4:29 a.m." as the language and region write it. */
export function formatTime(iso: string): string {
  return formatInstant('clock', iso);
}

export function formatDate(iso: string): string {
  return formatInstant('date', iso);
}

/**
 * A time zone as people read it, in the page's language, never the raw "America/Mexico_City" (kept for the
 * server): its generic name from `Intl`, e.g. "hora estándar central"; on an English page with its city too,
 * "Central Standard Time (Mexico City)". The city is read from the zone's identifier, which is English, and
 * browsers do not name cities in other languages (Chromium's Spanish says "hora de Mexico City"), so no other
 * language shows it.
 */
export function zoneName(zone: string, locale: string = myLocale()): string {
  let generic: string | undefined;
  try {
    generic = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return zone; // A zone this browser does not know: its name is all there is.
  }
  const english = locale.toLowerCase().split('-')[0] === 'en';
  if (!english || !zone.includes('/') || zone.startsWith('Etc/')) return generic ?? zone;
  const city = zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
  // Some zones have no generic name in a language, only an offset ("GMT-06:00"): the city says more.
  if (!generic || /^GMT/.test(generic)) return city;
  return generic.includes(city) ? generic : `${generic} (${city})`;
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
