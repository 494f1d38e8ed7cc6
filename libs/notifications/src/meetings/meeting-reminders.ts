import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { Interval } from '@nestjs/schedule';

import { Clock } from '@hearth/core';
import {
  GroupEvents,
  GroupPolicy,
  MeetingSchedule,
  type MeetingCancelledEvent,
  type MeetingChangedEvent,
  type Occurrence,
} from '@hearth/groups';

import { Notifier } from '../outbox/notifier.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { fromTimer, oneAtATime } from '../outbox/periodic.js';
import { DEFAULT_PREFERENCES, REMINDER_LEADS } from '../preferences/preferences.js';
import { meetingReminderNotice } from './meeting-reminder.js';

const LONGEST_LEAD_MS = Math.max(...REMINDER_LEADS) * 60_000;

/**
 * Reminds each member of a meeting as many minutes before it as she chose (a day and an hour by default), by
 * her channels for meetings. Every node looks once a minute; a reminder's key (meeting, occurrence, lead,
 * person) makes it one row however many nodes write it. After a pause (a restart), only the nearest reminder
 * still due is sent, worded by the time actually left. A reminder held by quiet hours past the meeting's
 * start is not sent; one for a meeting moved or cancelled meanwhile is withdrawn.
 */
@Injectable()
export class MeetingReminders {
  private readonly logger = new Logger(MeetingReminders.name);

  constructor(
    private readonly schedule: MeetingSchedule,
    private readonly policy: GroupPolicy,
    private readonly notifier: Notifier,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  @Interval('meeting-reminders', 60_000)
  poll(): void {
    fromTimer(this.logger, 'Meeting reminders', this.remind);
  }

  /** Writes the reminders due now; answers how many rows were new. One pass at a time per node. */
  readonly remind = oneAtATime(() => this.pass());

  @OnEvent(GroupEvents.meetingChanged)
  @OnEvent(GroupEvents.meetingCancelled)
  async withdraw(event: MeetingChangedEvent | MeetingCancelledEvent): Promise<void> {
    await this.outbox.cancel(topicOf(event.meetingId));
  }

  private async pass(): Promise<number> {
    const now = this.clock.now();
    const occurrences = await this.schedule.acrossGroups(now, new Date(now.getTime() + LONGEST_LEAD_MS));
    let written = 0;
    for (const occurrence of occurrences) written += await this.remindOf(occurrence, now);
    return written;
  }

  private async remindOf({ meeting, group, startsAt }: Occurrence, now: Date): Promise<number> {
    const members = (await this.policy.activeMemberships(group.id)).map((m) => m.userId);
    if (members.length === 0) return 0;
    const preferences = await this.notifier.preferencesOf(members);
    const byLead = new Map<number, string[]>();
    for (const userId of members) {
      const leads = preferences.get(userId)?.meetingReminders ?? DEFAULT_PREFERENCES.meetingReminders;
      const due = leads.filter((lead) => startsAt.getTime() - lead * 60_000 <= now.getTime());
      if (due.length === 0) continue;
      const nearest = Math.min(...due);
      byLead.set(nearest, [...(byLead.get(nearest) ?? []), userId]);
    }
    let written = 0;
    const occurrence = { meetingId: meeting.id, groupName: group.name, title: meeting.title, startsAt };
    for (const [lead, userIds] of byLead)
      written += await this.notifier.notify(userIds, {
        key: `meeting:${meeting.id}:${startsAt.getTime()}:${lead}`,
        topic: topicOf(meeting.id),
        category: 'meetings',
        expiresAt: startsAt,
        compose: (chosen) => meetingReminderNotice(chosen, occurrence, now),
      });
    return written;
  }
}

const topicOf = (meetingId: string) => `meeting:${meetingId}`;
