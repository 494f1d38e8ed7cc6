import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

import { Clock } from '@hearth/core';
import type { Role } from '@hearth/identity';

import { effectiveGroupRole, GroupPolicy } from '../policy/group-policy.js';
import type { Membership } from '../memberships/membership.entity.js';
import { MeetingSchedule, type Occurrence } from '../meetings/meeting-schedule.js';
import { localIso } from '../meetings/occurrences.js';
import type { GroupView, MyMembershipView, NextMeetingView } from './dto/group.view.js';
import type { Group } from './group.entity.js';
import { UNREAD_COUNTS, type UnreadCounts } from './unread-counts.js';

/** Who is looking at a group card: their platform role (the powers their session holds now). */
export interface Viewer {
  role: Role;
}

/**
 * A group's meetings (when and where it meets) are for the people in it: current members (active, or joining
 * and yet to accept the agreement) and admins. A listed group's card shows strangers everything else.
 */
export function mayKnowMeetings(membership: Pick<Membership, 'status'> | null, viewer: Viewer): boolean {
  return viewer.role === 'admin' || membership?.status === 'active' || membership?.status === 'pending';
}

/** Builds group cards, with the caller's membership and the next meeting, for one group or many. */
@Injectable()
export class GroupViews {
  private unread: UnreadCounts | null | undefined;

  constructor(
    private readonly schedule: MeetingSchedule,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    private readonly policy: GroupPolicy,
  ) {}

  async one(group: Group, membership: Membership | null, viewer: Viewer): Promise<GroupView> {
    const [view] = await this.many([group], new Map(membership ? [[group.id, membership]] : []), viewer);
    return view;
  }

  async many(groups: Group[], memberships: Map<string, Membership>, viewer: Viewer): Promise<GroupView[]> {
    const next = await this.schedule.nextByGroup(groups, this.clock.now());
    const active = groups.filter((g) => memberships.get(g.id)?.status === 'active');
    const userId = active.length ? memberships.get(active[0].id)!.userId : null;
    const unread =
      userId && this.unreadCounts()
        ? await this.unreadCounts()!.unreadCounts(
            userId,
            active.map((g) => g.id),
          )
        : new Map();
    const facilitators =
      viewer.role === 'admin' ? await this.policy.activeFacilitatorCounts(groups.map((g) => g.id)) : null;
    return groups.map((group) => ({
      ...card(
        group,
        memberships.get(group.id) ?? null,
        mayKnowMeetings(memberships.get(group.id) ?? null, viewer) ? next.get(group.id) : undefined,
        viewer,
      ),
      unread: unread.get(group.id) ?? null,
      ...(facilitators ? { activeFacilitators: facilitators.get(group.id) ?? 0 } : {}),
    }));
  }

  private unreadCounts(): UnreadCounts | null {
    if (this.unread === undefined) {
      try {
        this.unread = this.moduleRef.get<UnreadCounts>(UNREAD_COUNTS, { strict: false });
      } catch {
        this.unread = null;
      }
    }
    return this.unread;
  }
}

/** My membership, with the role I can act in now (group powers follow the platform role). */
export function myMembership(group: Group, membership: Membership, viewer: Viewer): MyMembershipView {
  const current = membership.status === 'active' || membership.status === 'pending';
  return {
    id: membership.id,
    role: effectiveGroupRole(membership.role, viewer.role),
    status: membership.status,
    pseudonym: membership.pseudonym,
    agreementVersion: membership.agreementVersion,
    consentRequired: current && membership.agreementVersion !== group.agreementVersion,
    ...(membership.endedReason ? { endedReason: membership.endedReason } : {}),
    ...(membership.endedNote && !current ? { endedNote: membership.endedNote } : {}),
  };
}

function card(
  group: Group,
  membership: Membership | null,
  next: Occurrence | undefined,
  viewer: Viewer,
): Omit<GroupView, 'unread'> {
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
    membership: membership ? myMembership(group, membership, viewer) : null,
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
