import { DateTime } from 'luxon';

import type { Notice } from '../outbox/notice.js';
import type { Preferences } from '../preferences/preferences.js';

/**
 * A reminder of a meeting, worded in the person's own time zone from the time actually left (a reminder sent
 * late, for a meeting set up an hour before, still says the truth): "Meeting in 1 hour · Your group meets at
 * 7:00 PM", "Meeting tomorrow · Your group meets tomorrow at 7:00 PM". The group and the meeting's title are
 * named only for someone who chose "show group names" (a title can say more than a lock screen should).
 */
export function meetingReminderNotice(
  preferences: Pick<Preferences, 'showGroupNames' | 'timeZone'>,
  occurrence: { meetingId: string; groupName: string; title: string; startsAt: Date },
  now: Date,
): Notice {
  const zone = preferences.timeZone;
  const start = DateTime.fromJSDate(occurrence.startsAt, { zone }).setLocale('en-US');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(start.startOf('day').diff(today, 'days').days);
  const minutesLeft = Math.max(1, Math.round((occurrence.startsAt.getTime() - now.getTime()) / 60_000));
  const day = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `on ${start.toFormat('cccc d LLLL')}`;
  const soon =
    minutesLeft < 60
      ? `in ${minutesLeft} minute${minutesLeft === 1 ? '' : 's'}`
      : minutesLeft < 180
        ? `in ${Math.round(minutesLeft / 60)} hour${Math.round(minutesLeft / 60) === 1 ? '' : 's'}`
        : day;
  const who = preferences.showGroupNames
    ? `${occurrence.title} (${occurrence.groupName}) starts`
    : 'Your group meets';
  return {
    kind: 'meeting_reminder',
    title: `Meeting ${soon}`,
    body: `${who} ${day} at ${start.toLocaleString(DateTime.TIME_SIMPLE)} (${zone.replace(/_/g, ' ')} time).`,
    url: '/',
    tag: `meeting-${occurrence.meetingId}-${occurrence.startsAt.getTime()}`,
  };
}
