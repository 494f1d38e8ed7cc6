import { Injectable } from '@nestjs/common';

import { Clock } from '@hearth/core';

import type { Membership } from '../memberships/membership.entity.js';
import { MeetingSchedule, type Occurrence } from '../meetings/meeting-schedule.js';
import { localIso } from '../meetings/occurrences.js';
import type { GroupView, MyMembershipView, NextMeetingView } from './dto/group.view.js';
import type { Group } from './group.entity.js';

/** Builds group cards, with the caller's membership and the next meeting, for one group or many. */
@Injectable()
export class GroupViews {
  constructor(
    private readonly schedule: MeetingSchedule,
    private readonly clock: Clock,
  ) {}

  async one(group: Group, membership: Membership | null): Promise<GroupView> {
    const [view] = await this.many([group], new Map(membership ? [[group.id, membership]] : []));
    return view;
  }

  async many(groups: Group[], memberships: Map<string, Membership>): Promise<GroupView[]> {
    const next = await this.schedule.nextByGroup(groups, this.clock.now());
    return groups.map((group) => card(group, memberships.get(group.id) ?? null, next.get(group.id)));
  }
}

export function myMembership(group: Group, membership: Membership): MyMembershipView {
  const current = membership.status === 'active' || membership.status === 'pending';
  return {
    id: membership.id,
    role: membership.role,
    status: membership.status,
    pseudonym: membership.pseudonym,
    agreementVersion: membership.agreementVersion,
    consentRequired: current && membership.agreementVersion !== group.agreementVersion,
    ...(membership.endedReason ? { endedReason: membership.endedReason } : {}),
    ...(membership.endedNote && !current ? { endedNote: membership.endedNote } : {}),
  };
}

function card(group: Group, membership: Membership | null, next: Occurrence | undefined): GroupView {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    kind: group.kind,
    endsOn: group.endsOn,
    visibility: group.visibility,
    capacity: group.capacity,
    seatsLeft: Math.max(0, group.capacity - group.seatsTaken),
    status: group.status,
    timezone: group.timezone,
    agreementVersion: group.agreementVersion,
    createdAt: group.createdAt.toISOString(),
    nextMeeting: next ? nextMeeting(next) : null,
    membership: membership ? myMembership(group, membership) : null,
  };
}

function nextMeeting({ meeting, group, startsAt }: Occurrence): NextMeetingView {
  return {
    meetingId: meeting.id,
    title: meeting.title,
    startsAt: startsAt.toISOString(),
    startsAtLocal: localIso(startsAt, group.timezone),
    durationMinutes: meeting.durationMinutes,
  };
}
