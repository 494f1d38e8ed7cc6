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
