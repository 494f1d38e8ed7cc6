import { DateTime } from 'luxon';

/** What a person can choose to hear about; each notice kind belongs to one (see `categoryOf`). */
export const CATEGORIES = [
  'crisis',
  'mentions',
  'messages',
  'meetings',
  'requests',
  'moderation',
  'membership',
  'questionnaires',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CHANNELS = ['push', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Preferences {
  /** Per category, whether to send by push and by email. */
  channels: Record<Category, Record<Channel, boolean>>;
  /** Hours (`HH:MM` in `timeZone`) when nothing but a crisis alert is sent; held until they end. */
  quietHours: { start: string; end: string } | null;
  /** IANA time zone of the person, for quiet hours and reminders. */
  timeZone: string;
  /** Name the group on a lock screen ("New messages in Tuesday circle"); off: "in one of your groups". */
  showGroupNames: boolean;
  /** Meeting reminders: how many minutes before each meeting (one of REMINDER_LEADS each; none: no reminders). */
  meetingReminders: number[];
  /** New messages: null tells of them as they come (at most one notice per group every few minutes); a number
   * gathers them into one digest at most every so many hours. */
  messageDigestHours: number | null;
  /** The language of notices and emails (the one she chose in the app). */
  language: 'en' | 'es';
}

/** The reminder times a person can choose, in minutes before a meeting. */
export const REMINDER_LEADS = [15, 30, 60, 120, 180, 1_440, 2_880] as const;
/** How often a digest of new messages may come, in hours. */
export const DIGEST_HOURS = [1, 2, 3, 4, 6, 8, 12, 24] as const;

export const DEFAULT_PREFERENCES: Preferences = {
  channels: {
    crisis: { push: true, email: true },
    mentions: { push: true, email: false },
    messages: { push: false, email: false },
    meetings: { push: true, email: true },
    requests: { push: true, email: false },
    moderation: { push: true, email: true },
    membership: { push: true, email: true },
    questionnaires: { push: true, email: false },
  },
  quietHours: null,
  timeZone: 'UTC',
  showGroupNames: false,
  meetingReminders: [1_440, 60],
  messageDigestHours: 4,
  language: 'en',
};

/** Stored choices over the defaults: a category added later starts at its default. */
export function withDefaults(stored: Partial<Preferences> | null): Preferences {
  const channels = { ...DEFAULT_PREFERENCES.channels };
  for (const category of CATEGORIES) {
    const chosen = stored?.channels?.[category];
    if (chosen) channels[category] = { ...channels[category], ...chosen };
  }
  return { ...DEFAULT_PREFERENCES, ...stored, channels };
}

/**
 * Whether `now` falls in the person's quiet hours, and if so when they end. Hours that wrap midnight
 * (22:00–07:00) are read as one night; equal start and end mean no quiet hours.
 */
export function quietUntil(now: Date, preferences: Preferences): Date | null {
  const quiet = preferences.quietHours;
  if (!quiet || quiet.start === quiet.end) return null;
  const local = DateTime.fromJSDate(now, { zone: preferences.timeZone });
  const minutes = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!inside) return null;
  let until = local.startOf('day').plus({ minutes: end });
  if (until <= local) until = until.plus({ days: 1 });
  return until.toJSDate();
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
