import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { DataSource, In, Not } from 'typeorm';

import { findRow, selectEntities, type CodedMessage, type HearthConfig, coded } from '@hearth/core';
import { effectiveRole, User, type Caller, type Role } from '@hearth/identity';

import { CHECK_IN_KIND, Group, type GroupKind } from '../groups/group.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Membership, type GroupRole } from '../memberships/membership.entity.js';
import { postingFactsOf, postingRefusal } from './posting-rule.js';

/**
 * What a caller may do in a group.
 * - `view`: see the group's card and agreement.
 * - `participate`: accept the agreement, leave, rename oneself (a pending or active membership).
 * - `read`: see the member list and meetings (an active membership).
 * - `manage`: everything a facilitator does (an active facilitator of this group, or an admin).
 */
export type GroupAction = 'view' | 'participate' | 'read' | 'manage';

export interface GroupAccess {
  caller: Caller;
  group: Group;
  membership: Membership | null;
}

/**
 * Admins hold every group's powers, except in a check-in (a member's private conversation with her group's
 * facilitators), which they may open only once one of its incidents was escalated to them (docs/check-ins.md).
 */
export function isAdmin(access: GroupAccess): boolean {
  const { caller, group } = access;
  return caller.role === 'admin' && (group.kind !== CHECK_IN_KIND || group.escalatedAt !== null);
}

/**
 * Group powers follow the platform role: a facilitator membership grants them only while the person's account is
 * a facilitator or admin account (only such accounts can be made facilitators of a group). An admin who makes a
 * facilitator's account a member takes every group power away at once, on every route and socket, and the
 * memberships stay as they were: made a facilitator again, the person has their groups back.
 */
export function effectiveGroupRole(membershipRole: GroupRole, platformRole: Role): GroupRole {
  return membershipRole === 'facilitator' && platformRole !== 'member' ? 'facilitator' : 'member';
}

export function isGroupFacilitator(access: GroupAccess): boolean {
  const { membership, caller } = access;
  return (
    membership?.status === 'active' && effectiveGroupRole(membership.role, caller.role) === 'facilitator'
  );
}

/** A check-in's participants follow its group: no one is invited, added or banned there directly. */
export function assertNotCheckIn(group: Group): void {
  if (group.kind === CHECK_IN_KIND) {
    throw new ConflictException(
      coded('CHECK_IN_PEOPLE', "A check-in's people are its member and her group's facilitators"),
    );
  }
}

/** The rules, as one pure function, so they can be read and tested as a table. */
export function can(access: GroupAccess, action: GroupAction): boolean {
  const status = access.membership?.status;
  const manage = isAdmin(access) || isGroupFacilitator(access);
  switch (action) {
    case 'manage':
      return manage;
    case 'read':
      return manage || status === 'active';
    case 'participate':
      return status === 'pending' || status === 'active';
    case 'view':
      // Listed groups are public to signed-in people; unlisted ones to those with a history in them.
      return manage || access.group.visibility === 'listed' || (status !== undefined && status !== 'banned');
  }
}

@Injectable()
export class GroupPolicy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<HearthConfig, true>,
  ) {}

  /** The groups a person facilitates (active facilitator memberships). */
  async facilitatedGroupIds(userId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(Membership, {
      where: { userId, role: 'facilitator', status: 'active' },
      select: { groupId: true },
    });
    return rows.map((row) => row.groupId);
  }

  /**
   * Each membership's effective role (group powers follow the platform role), read from its person's account:
   * what peers see beside a pseudonym.
   */
  async effectiveRoles(memberships: Membership[]): Promise<Map<string, GroupRole>> {
    const staffIds = memberships.filter((m) => m.role === 'facilitator').map((m) => m.userId);
    const accounts = await this.accounts(staffIds);
    return new Map(
      memberships.map((m) => [
        m.id,
        m.role === 'facilitator'
          ? effectiveGroupRole(m.role, accounts.get(m.userId)?.role ?? 'member')
          : m.role,
      ]),
    );
  }

  /**
   * How many people can act as each group's facilitators now: active facilitator memberships whose account is
   * an enabled facilitator or admin account. A group at zero has no one but the admins to hear its crisis alerts.
   */
  async activeFacilitatorCounts(groupIds: string[]): Promise<Map<string, number>> {
    const counts = new Map(groupIds.map((id) => [id, 0]));
    for (const row of await this.actingFacilitators(groupIds))
      counts.set(row.groupId, (counts.get(row.groupId) ?? 0) + 1);
    return counts;
  }

  /** The people who can act as a group's facilitators now (see `activeFacilitatorCounts`): who hears its alerts. */
  async activeFacilitatorIds(groupId: string): Promise<string[]> {
    return (await this.actingFacilitators([groupId])).map((row) => row.userId);
  }

  private async actingFacilitators(groupIds: string[]): Promise<Pick<Membership, 'groupId' | 'userId'>[]> {
    if (groupIds.length === 0) return [];
    const rows = await this.dataSource.manager.find(Membership, {
      where: { groupId: In(groupIds), role: 'facilitator', status: 'active' },
      select: { groupId: true, userId: true },
    });
    const accounts = await this.accounts(rows.map((m) => m.userId));
    return rows.filter((row) => {
      const account = accounts.get(row.userId);
      return (
        account !== undefined &&
        account.disabledAt === null &&
        effectiveGroupRole('facilitator', account.role) === 'facilitator'
      );
    });
  }

  /**
   * Each account's role as it can act now: staff without a second factor that STAFF_2FA requires act as
   * members (see `effectiveRole`), so they are not counted or shown as facilitators.
   */
  private async accounts(userIds: string[]): Promise<Map<string, Pick<User, 'role' | 'disabledAt'>>> {
    if (userIds.length === 0) return new Map();
    const users = await this.dataSource.manager.find(User, {
      where: { id: In([...new Set(userIds)]) },
      select: { id: true, role: true, disabledAt: true, secondFactorSince: true },
    });
    const policy = this.config.get('auth', { infer: true }).staffSecondFactor;
    return new Map(
      users.map((user) => [user.id, { role: effectiveRole(user, policy), disabledAt: user.disabledAt }]),
    );
  }

  /** The groups a person is an active member (or facilitator) of; her check-ins are conversations, not groups. */
  async activeGroupIds(userId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(Membership, {
      where: { userId, status: 'active' },
      select: { groupId: true },
    });
    if (rows.length === 0) return [];
    const groups = await this.dataSource.manager.find(Group, {
      where: { id: In(rows.map((row) => row.groupId)), kind: Not<GroupKind>(CHECK_IN_KIND) },
      select: { id: true },
    });
    const kept = new Set(groups.map((group) => group.id));
    return rows.map((row) => row.groupId).filter((id) => kept.has(id));
  }

  /** Whether a meeting belongs to a group the person is an active member of. */
  async isMeetingOfMember(meetingId: string, userId: string): Promise<boolean> {
    const meeting = await this.dataSource.manager.findOneBy(Meeting, { id: meetingId });
    if (!meeting) return false;
    const membership = await this.dataSource.manager.findOneBy(Membership, {
      groupId: meeting.groupId,
      userId,
      status: 'active',
    });
    return membership !== null;
  }

  /** A membership by its id (how chat and moderation name people), within a group. */
  membershipById(groupId: string, membershipId: string): Promise<Membership | null> {
    return this.dataSource.manager.findOneBy(Membership, { id: membershipId, groupId });
  }

  /** The active memberships of a group (to find who a message names). */
  activeMemberships(groupId: string): Promise<Membership[]> {
    return this.dataSource.manager.findBy(Membership, { groupId, status: 'active' });
  }

  /** Memberships by id, to show authors by pseudonym. */
  membershipsByIds(ids: string[]): Promise<Membership[]> {
    return ids.length
      ? selectEntities(this.dataSource.manager, Membership, `"id" IN (${ids.map(() => '?').join(', ')})`, ids)
      : Promise.resolve([]);
  }

  group(groupId: string): Promise<Group | null> {
    return this.dataSource.manager.findOneBy(Group, { id: groupId });
  }

  /** A person's membership row in a group, if any. */
  membershipOf(groupId: string, userId: string): Promise<Membership | null> {
    return this.dataSource.manager.findOneBy(Membership, { groupId, userId });
  }

  async load(
    caller: Caller,
    groupId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<GroupAccess | null> {
    const group = await findRow(manager, Group, { id: groupId });
    if (!group) return null;
    const membership = await findRow(manager, Membership, { groupId, userId: caller.userId });
    return { caller, group, membership };
  }

  /**
   * Loads the group and checks the action. A group the caller may not even see answers 404, as if it did not
   * exist, so unlisted groups cannot be discovered by guessing ids.
   */
  async authorize(
    caller: Caller,
    groupId: string,
    action: GroupAction,
    manager?: EntityManager,
  ): Promise<GroupAccess> {
    const access = await this.load(caller, groupId, manager);
    if (!access || !can(access, 'view')) {
      throw new NotFoundException(coded('GROUP_NOT_FOUND', 'Group not found'));
    }
    if (!can(access, action)) {
      // A facilitator still to accept the group's agreement is told what opens her tools, not that she lacks them.
      const pendingFacilitator =
        access.membership?.status === 'pending' &&
        effectiveGroupRole(access.membership.role, caller.role) === 'facilitator';
      throw new ForbiddenException(
        pendingFacilitator && (action === 'manage' || action === 'read')
          ? coded(
              'FACILITATOR_AGREEMENT_FIRST',
              "Accept this group's agreement first: your facilitator tools open once you have",
            )
          : FORBIDDEN_MESSAGES[action],
      );
    }
    return access;
  }

  /**
   * For an HTTP caller about to post in a group (sharing a reflection): the posting rule, answered as 403 for
   * someone who is not a member and 409 for an archive or an agreement to accept.
   */
  async authorizePosting(caller: Caller, groupId: string): Promise<GroupAccess & { membership: Membership }> {
    const access = await this.authorize(caller, groupId, 'view');
    const refusal = postingRefusal(postingFactsOf(access));
    const { membership } = access;
    if (!membership || refusal?.reason === 'not_member') {
      throw new ForbiddenException(
        refusal ? coded('NOT_A_MEMBER', refusal.message) : FORBIDDEN_MESSAGES.participate,
      );
    }
    if (refusal) {
      throw new ConflictException(
        refusal.reason === 'archived'
          ? coded('GROUP_ARCHIVED', refusal.message)
          : coded('AGREEMENT_REQUIRED', refusal.message),
      );
    }
    return { ...access, membership };
  }
}

const FORBIDDEN_MESSAGES: Record<GroupAction, CodedMessage> = {
  view: coded('GROUP_HIDDEN', 'You cannot see this group'),
  participate: coded('NOT_IN_GROUP', 'You are not a member of this group'),
  read: coded('MEMBERS_ONLY', 'Only members of this group can see this'),
  manage: coded('FACILITATORS_ONLY', "Only this group's facilitators can do this"),
};
