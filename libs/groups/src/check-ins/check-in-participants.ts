import { randomUUID } from 'node:crypto';

import type { EntityManager } from 'typeorm';

import type { Group } from '../groups/group.entity.js';
import { Membership } from '../memberships/membership.entity.js';

/**
 * A check-in's participants mirror the parent group: the member and its active facilitators, each under the
 * pseudonym and role they hold there. Agreement and joining date are taken as given (the member needs no second
 * agreement; her date keeps the parent's premoderation rules out of a conversation with her facilitators).
 */
export function participantOf(checkIn: Group, parent: Membership, now: Date): Membership {
  return Object.assign(new Membership(), {
    id: randomUUID(),
    groupId: checkIn.id,
    userId: parent.userId,
    role: parent.role,
    status: 'active',
    pseudonym: parent.pseudonym,
    pseudonymKey: parent.pseudonymKey,
    agreementVersion: checkIn.agreementVersion,
    agreementAcceptedAt: now,
    joinedAt: parent.joinedAt ?? now,
    endedAt: null,
    endedReason: null,
    endedNote: null,
    endedBy: null,
    createdAt: now,
    updatedAt: now,
  } satisfies Membership);
}

/** Who should take part in a parent group's check-in with this member now. */
export function wantedParticipants(parentMemberships: Membership[], subjectUserId: string): Membership[] {
  return parentMemberships.filter(
    (m) =>
      m.status === 'active' && (m.userId === subjectUserId ? m.role === 'member' : m.role === 'facilitator'),
  );
}

export async function parentMemberships(
  manager: EntityManager,
  parentGroupId: string,
): Promise<Membership[]> {
  return manager.findBy(Membership, { groupId: parentGroupId, status: 'active' });
}
