import { DateTime } from 'luxon';

import type { Notice } from '../outbox/notice.js';
import type { Preferences } from '../preferences/preferences.js';

const WORDS = {
  en: {
    today: 'today',
    tomorrow: 'tomorrow',
    on: (date: string) => `on ${date}`,
    minutes: (n: number) => `in ${n} minute${n === 1 ? '' : 's'}`,
    hours: (n: number) => `in ${n} hour${n === 1 ? '' : 's'}`,
    title: (when: string) => `Meeting ${when}`,
    named: (title: string, group: string) => `${title} (${group}) starts`,
    unnamed: 'Your group meets',
    at: (who: string, day: string, time: string, zone: string) => `${who} ${day} at ${time} (${zone} time).`,
  },
  es: {
    today: 'hoy',
    tomorrow: 'mañana',
    on: (date: string) => `el ${date}`,
    minutes: (n: number) => `en ${n} minuto${n === 1 ? '' : 's'}`,
    hours: (n: number) => `en ${n} hora${n === 1 ? '' : 's'}`,
    title: (when: string) => `Reunión ${when}`,
    named: (title: string, group: string) => `${title} (${group}) empieza`,
    unnamed: 'Tu grupo se reúne',
    at: (who: string, day: string, time: string, zone: string) =>
      `${who} ${day} a las ${time} (hora de ${zone}).`,
  },
};

/**
 * A reminder of a meeting, worded in the person's own time zone and language from the time actually left (a
 * reminder sent late, for a meeting set up an hour before, still says the truth): "Meeting in 1 hour · Your group
 * meets today at 7:00 PM". The group and the meeting's title are named only for someone who chose "show group
 * names" (a title can say more than a lock screen should).
 */
export function meetingReminderNotice(
  preferences: Pick<Preferences, 'showGroupNames' | 'timeZone' | 'language'>,
  occurrence: { meetingId: string; groupName: string; title: string; startsAt: Date },
  now: Date,
): Notice {
  const language = preferences.language ?? 'en';
  const words = WORDS[language];
  const zone = preferences.timeZone;
  const start = DateTime.fromJSDate(occurrence.startsAt, { zone }).setLocale(
    language === 'es' ? 'es' : 'en-US',
  );
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(start.startOf('day').diff(today, 'days').days);
  const minutesLeft = Math.max(1, Math.round((occurrence.startsAt.getTime() - now.getTime()) / 60_000));
  const day =
    days === 0
      ? words.today
      : days === 1
        ? words.tomorrow
        : words.on(start.toFormat(language === 'es' ? "cccc d 'de' LLLL" : 'cccc d LLLL'));
  const soon =
    minutesLeft < 60
      ? words.minutes(minutesLeft)
      : minutesLeft < 180
        ? words.hours(Math.round(minutesLeft / 60))
        : day;
  const who = preferences.showGroupNames
    ? words.named(occurrence.title, occurrence.groupName)
    : words.unnamed;
  return {
    kind: 'meeting_reminder',
    title: words.title(soon),
    body: words.at(who, day, start.toLocaleString(DateTime.TIME_SIMPLE), zone.replace(/_/g, ' ')),
    url: '/',
    tag: `meeting-${occurrence.meetingId}-${occurrence.startsAt.getTime()}`,
    language,
  };
}
