import { randomUUID } from 'node:crypto';

import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';

import { Clock, isUniqueViolation, Transactions, coded } from '@hearth/core';
import { AccessLog, type Caller } from '@hearth/identity';

import { CheckInChangedEvent, GroupChangedEvent, GroupEvents, MembershipActivatedEvent } from '../events.js';
import { assertOpen } from '../groups/groups.service.js';
import { CHECK_IN_KIND, Group } from '../groups/group.entity.js';
import { GroupKeys } from '../keys/group-keys.service.js';
import { Membership } from '../memberships/membership.entity.js';
import { can, GroupPolicy, isGroupFacilitator, type GroupAccess } from '../policy/group-policy.js';
import { parentMemberships, participantOf, wantedParticipants } from './check-in-participants.js';
import type { CheckInView } from './dto/check-in.view.js';
import type { StartCheckInDto } from './dto/start-check-in.dto.js';

export function isCheckIn(group: Pick<Group, 'kind'>): boolean {
  return group.kind === CHECK_IN_KIND;
}

/** The one open check-in of a member in a group carries this key (unique), so there is never a second. */
export function openCheckInKey(parentGroupId: string, userId: string): string {
  return `${parentGroupId}:${userId}`;
}

/**
 * Check-ins: a private conversation between a group's facilitators and one member. Each is a group of kind
 * `check_in` whose participants mirror the parent group (CheckInSync keeps them so), so messages, sealing,
 * catch-up, moderation, crisis detection, audit and export work on it as on any group (docs/check-ins.md).
 */
@Injectable()
export class CheckInsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: GroupPolicy,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
    private readonly keys: GroupKeys,
    private readonly accessLog: AccessLog,
  ) {}

  /**
   * A facilitator opens a check-in with a member of her group, or a member asks for one with its facilitators.
   * While one is open for that member and group, it is the answer.
   */
  async start(caller: Caller, groupId: string, dto: StartCheckInDto): Promise<CheckInView> {
    const opened = await this.openOnce(caller, groupId, dto).catch(async (error: unknown) => {
      // Two requests at once: the other one opened it.
      if (!isUniqueViolation(error, 'groups')) throw error;
      return this.openOnce(caller, groupId, dto);
    });
    if (opened.participants.length) {
      for (const m of opened.participants)
        this.events.emit(
          GroupEvents.membershipActivated,
          new MembershipActivatedEvent(m.groupId, m.userId, m.id),
        );
      this.events.emit(
        GroupEvents.checkInOpened,
        new CheckInChangedEvent(opened.checkIn.id, groupId, opened.checkIn.subjectUserId!, caller.userId),
      );
    }
    return this.get(caller, opened.checkIn.id);
  }

  private openOnce(caller: Caller, groupId: string, dto: StartCheckInDto) {
    return this.transactions.run(async (manager) => {
      const access = await this.policy.authorize(caller, groupId, 'view', manager);
      // From inside a check-in (an incident there), checking in is being there.
      if (isCheckIn(access.group)) {
        if (!can(access, 'read')) throw new NotFoundException(coded('GROUP_NOT_FOUND', 'Group not found'));
        return { checkIn: access.group, participants: [] as Membership[] };
      }
      const subject = await this.subjectOf(manager, access, dto);
      assertOpen(access.group);
      const key = openCheckInKey(groupId, subject.userId);
      const existing = await manager.findOneBy(Group, { openCheckInKey: key });
      if (existing) return { checkIn: existing, participants: [] as Membership[] };
      const now = this.clock.now();
      const parent = access.group;
      const checkIn = Object.assign(new Group(), {
        id: randomUUID(),
        name: parent.name,
        description: '',
        kind: CHECK_IN_KIND,
        endsOn: null,
        visibility: 'unlisted',
        capacity: 1,
        seatsTaken: 0,
        status: 'active',
        timezone: parent.timezone,
        agreementVersion: 1,
        createdBy: caller.userId,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
        parentGroupId: parent.id,
        subjectUserId: subject.userId,
        openCheckInKey: key,
        escalatedAt: null,
      } satisfies Group);
      await manager.insert(Group, checkIn);
      await this.keys.create(manager, checkIn.id);
      const participants = wantedParticipants(await parentMemberships(manager, groupId), subject.userId).map(
        (m) => participantOf(checkIn, m, now),
      );
      await manager.insert(Membership, participants);
      return { checkIn, participants };
    });
  }

  /** Whom the check-in is with: the member a facilitator names, or the member asking for herself. */
  private async subjectOf(
    manager: EntityManager,
    access: GroupAccess,
    dto: StartCheckInDto,
  ): Promise<Membership> {
    if (dto.membershipId === undefined) {
      const own = access.membership;
      if (own?.status !== 'active')
        throw new ForbiddenException(
          coded('CHECK_IN_MEMBERS_ONLY', 'Only members of this group can ask for a check-in'),
        );
      if (own.role !== 'member')
        throw new ConflictException(
          coded('CHECK_IN_NAME_MEMBER', 'Name the member you want to check in with'),
        );
      return own;
    }
    if (!isGroupFacilitator(access))
      throw new ForbiddenException(
        coded('CHECK_IN_FACILITATORS_ONLY', "Only this group's facilitators can check in with a member"),
      );
    const subject = await manager.findOneBy(Membership, { id: dto.membershipId, groupId: access.group.id });
    if (subject?.status !== 'active')
      throw new NotFoundException(coded('MEMBER_NOT_FOUND', 'Member not found'));
    if (subject.role !== 'member')
      throw new ConflictException(
        coded('CHECK_IN_WITH_MEMBERS', 'Check-ins are with members, not facilitators'),
      );
    return subject;
  }

  /** The check-ins I take part in, open ones first, newest first. */
  async list(caller: Caller): Promise<CheckInView[]> {
    const manager = this.dataSource.manager;
    const mine = await manager.find(Membership, {
      where: { userId: caller.userId, status: 'active' },
      select: { groupId: true },
    });
    const checkIns = mine.length
      ? await manager.find(Group, {
          where: { id: In(mine.map((m) => m.groupId)), kind: CHECK_IN_KIND },
          order: { createdAt: 'DESC' },
        })
      : [];
    const views = await this.views(caller, checkIns);
    return views.sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed'));
  }

  async get(caller: Caller, checkInId: string): Promise<CheckInView> {
    const access = await this.policy.authorize(caller, checkInId, 'read');
    if (!isCheckIn(access.group))
      throw new NotFoundException(coded('CHECK_IN_NOT_FOUND', 'Check-in not found'));
    await this.recordAdminRead(access);
    const [view] = await this.views(caller, [access.group]);
    return view;
  }

  /** Its member or a facilitator closes it: it stays readable to them, and a new one can be opened later. */
  async close(caller: Caller, checkInId: string): Promise<CheckInView> {
    const checkIn = await this.transactions.run(async (manager) => {
      const access = await this.policy.authorize(caller, checkInId, 'participate', manager);
      if (!isCheckIn(access.group))
        throw new NotFoundException(coded('CHECK_IN_NOT_FOUND', 'Check-in not found'));
      if (access.group.status === 'active') await closeCheckIn(manager, access.group, this.clock.now());
      return access.group;
    });
    this.announceClosed(checkIn, caller.userId);
    return this.get(caller, checkInId);
  }

  announceClosed(checkIn: Group, by: string | null): void {
    this.events.emit(GroupEvents.groupArchived, new GroupChangedEvent(checkIn.id));
    this.events.emit(
      GroupEvents.checkInClosed,
      new CheckInChangedEvent(checkIn.id, checkIn.parentGroupId!, checkIn.subjectUserId!, by),
    );
  }

  /**
   * An incident in a check-in was escalated: from now on admins may open it (inside the escalation's
   * transaction). Nothing happens for other groups.
   */
  async markEscalated(manager: EntityManager, groupId: string): Promise<void> {
    await manager.update(
      Group,
      { id: groupId, kind: CHECK_IN_KIND, escalatedAt: IsNull() },
      { escalatedAt: this.clock.now() },
    );
  }

  /**
   * An admin who is not part of a check-in reads it (only after an escalation, see `can`): logged for its member
   * before answering. Nothing for anyone else or any other group.
   */
  async recordAdminRead(access: GroupAccess): Promise<void> {
    const { group, membership, caller } = access;
    if (!isCheckIn(group) || membership?.status === 'active' || !group.subjectUserId) return;
    await this.accessLog.record(caller, [
      { subjectUserId: group.subjectUserId, kind: 'check_in', resourceId: group.id, groupId: group.id },
    ]);
  }

  private async views(caller: Caller, checkIns: Group[]): Promise<CheckInView[]> {
    if (checkIns.length === 0) return [];
    const manager = this.dataSource.manager;
    const members = await manager.find(Membership, {
      where: { groupId: In(checkIns.map((c) => c.id)), role: 'member' },
    });
    const parents = await manager.find(Group, {
      where: { id: In([...new Set(checkIns.map((c) => c.parentGroupId!))]) },
      select: { id: true, name: true },
    });
    const parentName = new Map(parents.map((p) => [p.id, p.name]));
    return checkIns.map((checkIn) => {
      const member = members.find((m) => m.groupId === checkIn.id && m.userId === checkIn.subjectUserId);
      return {
        id: checkIn.id,
        groupId: checkIn.parentGroupId!,
        groupName: parentName.get(checkIn.parentGroupId!) ?? checkIn.name,
        member: { membershipId: member?.id ?? '', pseudonym: member?.pseudonym ?? null },
        status: checkIn.status === 'active' ? 'open' : 'closed',
        startedBy: checkIn.createdBy === checkIn.subjectUserId ? 'member' : 'facilitator',
        mine: checkIn.subjectUserId === caller.userId,
        createdAt: checkIn.createdAt.toISOString(),
        closedAt: checkIn.archivedAt?.toISOString() ?? null,
      };
    });
  }
}

/** Closes a check-in: read-only from now on, and no longer the open one of its member. */
export async function closeCheckIn(manager: EntityManager, checkIn: Group, now: Date): Promise<void> {
  const changes = { status: 'archived' as const, archivedAt: now, updatedAt: now, openCheckInKey: null };
  await manager.update(Group, { id: checkIn.id }, changes);
  Object.assign(checkIn, changes);
}
