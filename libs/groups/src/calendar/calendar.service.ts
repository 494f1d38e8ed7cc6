import { createHash, randomBytes } from 'node:crypto';

import { Injectable, NotFoundException } from '@nestjs/common';
import ical, { ICalAlarmType, ICalEventRepeatingFreq } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

import { Clock, Transactions } from '@hearth/core';

import { MeetingSchedule } from '../meetings/meeting-schedule.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { CalendarFeed } from './calendar-feed.entity.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** VALARMs on every meeting: seconds before the start, and how the reminder says it. */
const REMINDERS = [
  [86_400, 'tomorrow'],
  [3_600, 'in 1 hour'],
] as const;

/** A personal iCalendar feed of one's meetings, behind a secret token that can be rotated. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly schedule: MeetingSchedule,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Issues a new token, which replaces (and so revokes) the previous one. Shown only now. */
  async rotate(userId: string): Promise<{ token: string; path: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.transactions.run((manager) =>
      manager.upsert(CalendarFeed, { userId, tokenHash: hashToken(token), createdAt: this.clock.now() }, [
        'userId',
      ]),
    );
    return { token, path: `/api/me/calendar.ics?token=${token}` };
  }

  async feed(token: string): Promise<string> {
    const feed = await this.transactions.run((manager) =>
      manager.findOneBy(CalendarFeed, { tokenHash: hashToken(token) }),
    );
    if (!feed) throw new NotFoundException('Calendar feed not found');
    const groups = await this.meetings.groupsOf(feed.userId);
    const series = await this.schedule.forGroups(groups);
    // The video link waits until the agreement is accepted, as in the app.
    const active = await this.meetings.activeGroupIdsOf(feed.userId);

    const calendar = ical({
      name: 'Hearth meetings',
      prodId: { company: 'Hearth', product: 'meetings', language: 'EN' },
      timezone: { name: null, generator: (zone: string) => tzlib_get_ical_block(zone)[0] ?? null },
      ttl: 3600,
    });
    for (const { meeting, group, cancelled } of series) {
      // Local times in the group's zone (with its VTIMEZONE), so calendar apps keep the wall-clock time
      // of a weekly meeting across daylight-saving changes, as Hearth does.
      const local = (at: Date | number) =>
        DateTime.fromMillis(new Date(at).getTime(), { zone: group.timezone });
      const event = calendar.createEvent({
        id: `${meeting.id}@hearth`,
        start: local(meeting.startsAt),
        end: local(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000),
        timezone: group.timezone,
        summary: `${meeting.title} · ${group.name}`,
        location: meeting.location ?? undefined,
        url: (active.has(group.id) ? meeting.videoUrl : null) ?? undefined,
        stamp: meeting.updatedAt,
        repeating: meeting.recurrence
          ? {
              freq: ICalEventRepeatingFreq.WEEKLY,
              ...(meeting.recurrenceEndsAt ? { until: meeting.recurrenceEndsAt } : {}),
              ...(cancelled.size ? { exclude: [...cancelled].map(local) } : {}),
            }
          : null,
      });
      // Calendar apps remind on their own too, a day and an hour before, without Hearth being open.
      for (const [seconds, when] of REMINDERS)
        event.createAlarm({
          type: ICalAlarmType.display,
          trigger: seconds,
          description: `${meeting.title} starts ${when}`,
        });
    }
    return calendar.toString();
  }
}
