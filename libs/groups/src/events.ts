import type { GroupRole, MembershipEndReason } from './memberships/membership.entity.js';

/** Domain events emitted by the groups library, after the change is committed. */
export const GroupEvents = {
  membershipActivated: 'membership.activated',
  membershipEnded: 'membership.ended',
  membershipChanged: 'membership.changed',
  agreementPublished: 'agreement.published',
  agreementAccepted: 'agreement.accepted',
  groupUpdated: 'group.updated',
  groupArchived: 'group.archived',
  /** An archived group was erased: its key destroyed, its rows deleted. */
  groupErased: 'group.erased',
  meetingScheduled: 'meeting.scheduled',
  meetingChanged: 'meeting.changed',
  meetingCancelled: 'meeting.cancelled',
  joinRequestCreated: 'joinRequest.created',
  /** A facilitator approved or declined a request (its applicant is told). */
  joinRequestDecided: 'joinRequest.decided',
  /** A facilitator or the member opened a check-in (a private conversation) in a group. */
  checkInOpened: 'checkIn.opened',
  checkInClosed: 'checkIn.closed',
} as const;

export class MembershipActivatedEvent {
  constructor(
    readonly groupId: string,
    readonly userId: string,
    readonly membershipId: string,
  ) {}
}

export class MembershipEndedEvent {
  constructor(
    readonly groupId: string,
    readonly userId: string,
    readonly membershipId: string,
    readonly reason: MembershipEndReason,
    /** What the facilitator told the member; for the member's eyes. */
    readonly note: string | null,
    /** Who ended it: the member who left, or the facilitator who removed or banned them. */
    readonly by: string | null,
  ) {}
}

/** A membership's role or pseudonym changed. */
export class MembershipChangedEvent {
  constructor(
    readonly groupId: string,
    readonly userId: string,
    readonly role: GroupRole,
    readonly pseudonym: string | null,
  ) {}
}

export class AgreementPublishedEvent {
  constructor(
    readonly groupId: string,
    readonly version: number,
    /** Who published it (and so accepted it already). */
    readonly by: string | null = null,
  ) {}
}

export class AgreementAcceptedEvent {
  constructor(
    readonly groupId: string,
    readonly userId: string,
    readonly version: number,
  ) {}
}

export class GroupChangedEvent {
  constructor(readonly groupId: string) {}
}

/** A meeting (one, or a weekly series) was put on a group's calendar. */
export class MeetingScheduledEvent {
  constructor(
    readonly groupId: string,
    readonly meetingId: string,
    /** The first (or only) occurrence, ISO. */
    readonly startsAt: string,
    readonly recurrence: 'weekly' | null,
    readonly by: string,
  ) {}
}

/** A meeting's time, title, place or series end changed. `fields` names what changed. */
export class MeetingChangedEvent {
  constructor(
    readonly groupId: string,
    readonly meetingId: string,
    readonly fields: string[],
    readonly startsAt: string,
    readonly by: string,
  ) {}
}

/** One occurrence of a weekly meeting was cancelled (`occurrence` its start, ISO), or the whole meeting (null). */
export class MeetingCancelledEvent {
  constructor(
    readonly groupId: string,
    readonly meetingId: string,
    readonly occurrence: string | null,
    readonly by: string,
  ) {}
}

/** Someone asked to join a listed group; its facilitators decide. */
export class JoinRequestCreatedEvent {
  constructor(
    readonly groupId: string,
    readonly requestId: string,
    readonly userId: string,
    readonly pseudonym: string,
  ) {}
}

/** A join request was approved or declined. */
export class JoinRequestDecidedEvent {
  constructor(
    readonly groupId: string,
    readonly requestId: string,
    readonly userId: string,
    readonly status: 'approved' | 'declined',
  ) {}
}

/** A check-in was opened or closed. `groupId` is its parent group; `checkInId` the conversation's own id. */
export class CheckInChangedEvent {
  constructor(
    readonly checkInId: string,
    readonly groupId: string,
    /** The member it is with. */
    readonly userId: string,
    /** Who opened or closed it (null when it closed because she left the group). */
    readonly by: string | null,
  ) {}
}
