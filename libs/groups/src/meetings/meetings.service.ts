import { randomUUID } from 'node:crypto';

import { Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { In } from 'typeorm';

import { Clock, foundOrFail, Transactions, ValidationFailedException, coded } from '@hearth/core';
import type { Caller } from '@hearth/identity';

import { GroupEvents, MeetingCancelledEvent, MeetingChangedEvent, MeetingScheduledEvent } from '../events.js';
import { Group } from '../groups/group.entity.js';
import { assertOpen } from '../groups/groups.service.js';
import { Membership } from '../memberships/membership.entity.js';
import { GroupPolicy } from '../policy/group-policy.js';
import type { CreateMeetingDto, UpdateMeetingDto } from './dto/meeting.dto.js';
import type { MeetingView, OccurrenceView } from './dto/meeting.view.js';
import { MeetingCancellation } from './meeting-cancellation.entity.js';
import { MeetingSchedule, type Occurrence } from './meeting-schedule.js';
import { Meeting } from './meeting.entity.js';
import { isOccurrence, localIso, occurrencesBetween } from './occurrences.js';

@Injectable()
export class MeetingsService {
  constructor(
    private readonly policy: GroupPolicy,
    private readonly schedule: MeetingSchedule,
    private readonly transactions: Transactions,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  async list(caller: Caller, groupId: string): Promise<MeetingView[]> {
    const { group } = await this.policy.authorize(caller, groupId, 'read');
    const series = await this.schedule.forGroups([group]);
    return series.map(({ meeting, cancelled }) => this.toView(meeting, group, cancelled));
  }

  async create(caller: Caller, groupId: string, dto: CreateMeetingDto): Promise<MeetingView> {
    const { meeting, group } = await this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      const startsAt = new Date(dto.startsAt);
      const recurrenceEndsAt = dto.recurrenceEndsAt ? new Date(dto.recurrenceEndsAt) : null;
      checkSeries(startsAt, dto.recurrence ?? null, recurrenceEndsAt);
      const now = this.clock.now();
      const meeting = manager.create(Meeting, {
        id: randomUUID(),
        groupId,
        title: dto.title,
        startsAt,
        durationMinutes: dto.durationMinutes,
        location: dto.location ?? null,
        videoUrl: dto.videoUrl ?? null,
        recurrence: dto.recurrence ?? null,
        recurrenceEndsAt,
        createdBy: caller.userId,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Meeting, {
        ...meeting,
        ...(await this.schedule.sealed(groupId, meeting.id, meeting, manager)),
      });
      return { meeting, group };
    });
    this.events.emit(
      GroupEvents.meetingScheduled,
      new MeetingScheduledEvent(
        groupId,
        meeting.id,
        meeting.startsAt.toISOString(),
        meeting.recurrence,
        caller.userId,
      ),
    );
    return this.toView(meeting, group, new Set());
  }

  async update(
    caller: Caller,
    groupId: string,
    meetingId: string,
    dto: UpdateMeetingDto,
  ): Promise<MeetingView> {
    const changed = await this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      const meeting = await this.schedule.opened(
        foundOrFail(await manager.findOneBy(Meeting, { id: meetingId, groupId }), 'Meeting'),
      );
      const changes: Partial<Meeting> = {
        ...(dto.title !== undefined ? { title: dto.title } : {}),
        ...(dto.startsAt !== undefined ? { startsAt: new Date(dto.startsAt) } : {}),
        ...(dto.durationMinutes !== undefined ? { durationMinutes: dto.durationMinutes } : {}),
        ...(dto.location !== undefined ? { location: dto.location || null } : {}),
        ...(dto.videoUrl !== undefined ? { videoUrl: dto.videoUrl } : {}),
        ...(dto.recurrenceEndsAt !== undefined ? { recurrenceEndsAt: new Date(dto.recurrenceEndsAt) } : {}),
        updatedAt: this.clock.now(),
      };
      const next = { ...meeting, ...changes };
      checkSeries(next.startsAt, next.recurrence, next.recurrenceEndsAt);
      await manager.update(
        Meeting,
        { id: meetingId },
        await this.schedule.sealed(groupId, meetingId, changes, manager),
      );
      if (changes.startsAt) {
        // Moving a series moves its occurrences; cancellations of the old times no longer mean anything.
        await manager.delete(MeetingCancellation, { meetingId });
      }
      return { fields: changedFields(meeting, changes), startsAt: next.startsAt };
    });
    if (changed.fields.length > 0) {
      this.events.emit(
        GroupEvents.meetingChanged,
        new MeetingChangedEvent(
          groupId,
          meetingId,
          changed.fields,
          changed.startsAt.toISOString(),
          caller.userId,
        ),
      );
    }
    return foundOrFail(
      (await this.list(caller, groupId)).find((m) => m.id === meetingId),
      'Meeting',
    );
  }

  /** Cancels one occurrence of a weekly meeting, or deletes the meeting. */
  async cancel(caller: Caller, groupId: string, meetingId: string, occurrence?: string): Promise<void> {
    const cancelled = await this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      const meeting = foundOrFail(await manager.findOneBy(Meeting, { id: meetingId, groupId }), 'Meeting');
      if (occurrence === undefined) {
        await manager.delete(Meeting, { id: meetingId });
        return { occurrence: null };
      }
      const at = new Date(occurrence);
      if (!isOccurrence(meeting, group.timezone, at)) {
        throw new NotFoundException(
          coded('OCCURRENCE_NOT_FOUND', 'This meeting has no occurrence at that time'),
        );
      }
      const exists = await manager.findOneBy(MeetingCancellation, { meetingId, occurrenceStartsAt: at });
      if (!exists) {
        await manager.insert(MeetingCancellation, {
          meetingId,
          occurrenceStartsAt: at,
          cancelledBy: caller.userId,
          cancelledAt: this.clock.now(),
        });
      }
      // Cancelling an occurrence already cancelled changes nothing, and is not news.
      return exists ? null : { occurrence: at.toISOString() };
    });
    if (cancelled) {
      this.events.emit(
        GroupEvents.meetingCancelled,
        new MeetingCancelledEvent(groupId, meetingId, cancelled.occurrence, caller.userId),
      );
    }
  }

  /** My upcoming meetings across every group I belong to or am joining. */
  async upcomingFor(userId: string, days: number): Promise<OccurrenceView[]> {
    const now = this.clock.now();
    const groups = await this.groupsOf(userId);
    const from = new Date(now.getTime() - 3 * 3_600_000);
    const occurrences = await this.schedule.between(
      groups,
      from,
      new Date(now.getTime() + days * 86_400_000),
    );
    // The video link is the room's door: like the member list, it waits until the agreement is accepted.
    const active = await this.activeGroupIdsOf(userId);
    return occurrences
      .filter((o) => o.startsAt.getTime() + o.meeting.durationMinutes * 60_000 > now.getTime())
      .map(occurrenceView)
      .map((o) => (active.has(o.groupId) ? o : { ...o, videoUrl: null }));
  }

  /** The groups whose video links a person may see: those whose agreement she has accepted. */
  async activeGroupIdsOf(userId: string): Promise<Set<string>> {
    const memberships = await this.transactions.run((manager) =>
      manager.findBy(Membership, { userId, status: 'active' }),
    );
    return new Set(memberships.map((m) => m.groupId));
  }

  /** The groups whose meetings a person follows: those they are in or joining. */
  async groupsOf(userId: string): Promise<Group[]> {
    return this.transactions.run(async (manager) => {
      const memberships = await manager.findBy(Membership, { userId, status: In(['active', 'pending']) });
      if (memberships.length === 0) return [];
      return manager.findBy(Group, { id: In(memberships.map((m) => m.groupId)) });
    });
  }

  private toView(meeting: Meeting, group: Group, cancelled: Set<number>): MeetingView {
    const now = this.clock.now();
    const upcoming = occurrencesBetween(
      meeting,
      group.timezone,
      now,
      new Date(now.getTime() + 366 * 86_400_000),
      cancelled,
    )
      .slice(0, 10)
      .map((d) => d.toISOString());
    return {
      id: meeting.id,
      groupId: meeting.groupId,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      startsAtLocal: localIso(meeting.startsAt, group.timezone),
      timezone: group.timezone,
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      videoUrl: meeting.videoUrl,
      recurrence: meeting.recurrence,
      recurrenceEndsAt: meeting.recurrenceEndsAt?.toISOString() ?? null,
      cancelledOccurrences: [...cancelled].sort((a, b) => a - b).map((t) => new Date(t).toISOString()),
      upcoming,
    };
  }
}

export function occurrenceView({ meeting, group, startsAt }: Occurrence): OccurrenceView {
  return {
    meetingId: meeting.id,
    groupId: group.id,
    groupName: group.name,
    title: meeting.title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + meeting.durationMinutes * 60_000).toISOString(),
    startsAtLocal: localIso(startsAt, group.timezone),
    timezone: group.timezone,
    location: meeting.location,
    videoUrl: meeting.videoUrl,
    recurrence: meeting.recurrence,
  };
}

function checkSeries(startsAt: Date, recurrence: 'weekly' | null, endsAt: Date | null): void {
  if (endsAt && !recurrence) {
    throw new ValidationFailedException([
      { field: 'recurrenceEndsAt', message: 'recurrenceEndsAt needs a recurrence', code: 'needsRecurrence' },
    ]);
  }
  if (endsAt && endsAt < startsAt) {
    throw new ValidationFailedException([
      {
        field: 'recurrenceEndsAt',
        message: 'recurrenceEndsAt must not be before startsAt',
        code: 'beforeStart',
      },
    ]);
  }
}

/** The names of the fields an update really changes (an unchanged value sent again is not a change). */
function changedFields(meeting: Meeting, changes: Partial<Meeting>): string[] {
  return (Object.keys(changes) as (keyof Meeting)[]).filter((key) => {
    if (key === 'updatedAt') return false;
    const before = meeting[key];
    const after = changes[key];
    return before instanceof Date && after instanceof Date
      ? before.getTime() !== after.getTime()
      : before !== after;
  });
}
