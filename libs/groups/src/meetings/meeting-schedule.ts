import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';

import { Group } from '../groups/group.entity.js';
import { GroupKeys } from '../keys/group-keys.service.js';
import { MeetingCancellation } from './meeting-cancellation.entity.js';
import { Meeting } from './meeting.entity.js';
import { occurrencesBetween } from './occurrences.js';

export interface Occurrence {
  meeting: Meeting;
  group: Group;
  startsAt: Date;
}

const HORIZON_MS = 366 * 86_400_000;

/** Expands groups' meetings into dated occurrences, for listings and the calendar. */
@Injectable()
export class MeetingSchedule {
  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(MeetingCancellation) private readonly cancellations: Repository<MeetingCancellation>,
    @InjectRepository(Group) private readonly groups: Repository<Group>,
    private readonly keys: GroupKeys,
  ) {}

  /** A meeting's place and link, opened with its group's key (the object is changed and returned). */
  async opened(meeting: Meeting): Promise<Meeting> {
    meeting.location = await this.keys.open(
      meeting.groupId,
      meetingPlace(meeting.id, 'location'),
      meeting.location,
    );
    meeting.videoUrl = await this.keys.open(
      meeting.groupId,
      meetingPlace(meeting.id, 'video_url'),
      meeting.videoUrl,
    );
    return meeting;
  }

  /** The place and link sealed for storage; the other fields as given. */
  async sealed<T extends Partial<Pick<Meeting, 'location' | 'videoUrl'>>>(
    groupId: string,
    meetingId: string,
    fields: T,
    manager: EntityManager,
  ): Promise<T> {
    const result = { ...fields };
    if (fields.location !== undefined)
      result.location = await this.keys.seal(
        groupId,
        meetingPlace(meetingId, 'location'),
        fields.location,
        manager,
      );
    if (fields.videoUrl !== undefined)
      result.videoUrl = await this.keys.seal(
        groupId,
        meetingPlace(meetingId, 'video_url'),
        fields.videoUrl,
        manager,
      );
    return result;
  }

  async forGroups(groups: Group[]): Promise<{ meeting: Meeting; group: Group; cancelled: Set<number> }[]> {
    if (groups.length === 0) return [];
    const byId = new Map(groups.map((group) => [group.id, group]));
    const meetings = await this.meetings.find({
      where: { groupId: In([...byId.keys()]) },
      order: { startsAt: 'ASC' },
    });
    for (const meeting of meetings) await this.opened(meeting);
    const cancelled = meetings.length
      ? await this.cancellations.find({ where: { meetingId: In(meetings.map((m) => m.id)) } })
      : [];
    return meetings.map((meeting) => ({
      meeting,
      group: byId.get(meeting.groupId)!,
      cancelled: new Set(
        cancelled.filter((c) => c.meetingId === meeting.id).map((c) => c.occurrenceStartsAt.getTime()),
      ),
    }));
  }

  /** Every occurrence in [from, to) across the groups, soonest first. */
  async between(groups: Group[], from: Date, to: Date): Promise<Occurrence[]> {
    const series = await this.forGroups(groups);
    return series
      .flatMap(({ meeting, group, cancelled }) =>
        occurrencesBetween(meeting, group.timezone, from, to, cancelled).map((startsAt) => ({
          meeting,
          group,
          startsAt,
        })),
      )
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  /** Every occurrence in [from, to) of every group that is not archived, soonest first (for reminders). */
  async acrossGroups(from: Date, to: Date): Promise<Occurrence[]> {
    const rows = await this.meetings
      .createQueryBuilder('meeting')
      .select('DISTINCT meeting.group_id', 'groupId')
      .getRawMany<{ groupId: string }>();
    if (rows.length === 0) return [];
    const groups = await this.groups.findBy({ id: In(rows.map((row) => row.groupId)), archivedAt: IsNull() });
    return this.between(groups, from, to);
  }

  /** The next occurrence (not yet ended) of each group, within a year. */
  async nextByGroup(groups: Group[], now: Date): Promise<Map<string, Occurrence>> {
    const series = await this.forGroups(groups);
    const next = new Map<string, Occurrence>();
    for (const { meeting, group, cancelled } of series) {
      const from = new Date(now.getTime() - meeting.durationMinutes * 60_000);
      const [first] = occurrencesBetween(
        meeting,
        group.timezone,
        from,
        new Date(now.getTime() + HORIZON_MS),
        cancelled,
      );
      const current = next.get(group.id);
      if (first && (!current || first < current.startsAt))
        next.set(group.id, { meeting, group, startsAt: first });
    }
    return next;
  }
}

export const meetingPlace = (id: string, field: 'location' | 'video_url') => ({
  table: 'meetings',
  id,
  field,
});
