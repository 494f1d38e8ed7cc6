import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Not, type EntityManager } from 'typeorm';

import { Clock, coded, foundOrFail, Transactions } from '@hearth/core';
import { AccessLog, UsersService, type Caller } from '@hearth/identity';

import { GroupEvents, MembershipChangedEvent, MembershipEndedEvent } from '../events.js';
import { assertOpen } from '../groups/groups.service.js';
import { JoinRequest } from '../join-requests/join-request.entity.js';
import { assertNotCheckIn, can, GroupPolicy } from '../policy/group-policy.js';
import { Admissions, freeSeat, holdsSeat, isPseudonymTaken, PSEUDONYM_TAKEN } from './admissions.js';
import type { MemberView } from './dto/member.view.js';
import type {
  AddFacilitatorDto,
  BanMemberDto,
  EndMembershipDto,
  ListMembersQuery,
  UpdateMemberDto,
} from './dto/membership.dto.js';
import { Membership, type MembershipEndReason } from './membership.entity.js';
import { pseudonymKey } from './pseudonym.js';

@Injectable()
export class MembershipsService {
  constructor(
    private readonly policy: GroupPolicy,
    private readonly admissions: Admissions,
    private readonly users: UsersService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
    private readonly accessLog: AccessLog,
  ) {}

  /**
   * Members see their peers' pseudonyms; facilitators and admins also see who they are (account and email,
   * each one an entry in the access log), and any status.
   */
  async list(caller: Caller, groupId: string, query: ListMembersQuery): Promise<MemberView[]> {
    const access = await this.policy.authorize(caller, groupId, 'read');
    // A composer naming people needs pseudonyms, not accounts: staff may ask for the peers' view, unlogged.
    const staff = can(access, 'manage') && query.view !== 'peer';
    const status = staff ? query.status : 'active';
    const rows = await this.transactions.run((manager) =>
      manager.find(Membership, {
        where: status ? { groupId, status } : { groupId },
        order: { joinedAt: 'ASC', createdAt: 'ASC' },
      }),
    );
    const accounts = staff ? await this.users.findMany(rows.map((m) => m.userId)) : new Map();
    const roles = await this.policy.effectiveRoles(rows);
    await this.accessLog.record(
      caller,
      rows
        .filter((m) => accounts.has(m.userId))
        .map((m) => ({ subjectUserId: m.userId, kind: 'identity' as const, resourceId: m.id, groupId })),
    );
    return rows.map((m) => {
      const view: MemberView = {
        membershipId: m.id,
        pseudonym: m.pseudonym,
        role: roles.get(m.id) ?? m.role,
        status: m.status,
        joinedAt: m.joinedAt?.toISOString() ?? null,
      };
      const account = accounts.get(m.userId);
      if (staff && account) {
        view.account = { userId: account.id, displayName: account.displayName, email: account.email };
        view.agreementVersion = m.agreementVersion;
        view.endedReason = m.endedReason;
      }
      return view;
    });
  }

  /** A member renames themself; a facilitator changes someone's role. */
  async update(caller: Caller, groupId: string, userId: string, dto: UpdateMemberDto): Promise<MemberView> {
    const changed = await this.write(async (manager) => {
      const self = caller.userId === userId;
      const access = await this.policy.authorize(
        caller,
        groupId,
        self && dto.role === undefined ? 'participate' : 'manage',
        manager,
      );
      assertOpen(access.group);
      const target = await this.current(manager, groupId, userId);
      const changes: Partial<Membership> = { updatedAt: this.clock.now() };
      if (dto.pseudonym !== undefined) {
        await this.admissions.assertPseudonymFree(manager, groupId, dto.pseudonym, userId);
        changes.pseudonym = dto.pseudonym;
        changes.pseudonymKey = pseudonymKey(dto.pseudonym);
      }
      if (dto.role !== undefined && dto.role !== target.role) {
        if (dto.role === 'facilitator') {
          const account = await this.users.findById(userId);
          if (account.role === 'member') {
            throw new ConflictException(
              coded('FACILITATOR_ACCOUNTS_ONLY', 'Only facilitator or admin accounts can facilitate a group'),
            );
          }
          if (holdsSeat(target)) await freeSeat(manager, groupId);
        } else {
          await this.assertAnotherFacilitator(manager, groupId, userId);
        }
        changes.role = dto.role;
      }
      await manager.update(Membership, { id: target.id }, changes);
      return { membership: Object.assign(target, changes) };
    });
    const { role, pseudonym } = changed.membership;
    this.events.emit(
      GroupEvents.membershipChanged,
      new MembershipChangedEvent(groupId, userId, role, pseudonym),
    );
    return this.selfView(changed.membership);
  }

  /** Leaving (oneself) or removal (by a facilitator, with a reason the member is told). */
  async end(caller: Caller, groupId: string, userId: string, dto: EndMembershipDto): Promise<void> {
    const self = caller.userId === userId;
    const ended = await this.write(async (manager) => {
      await this.policy.authorize(caller, groupId, self ? 'participate' : 'manage', manager);
      const target = await this.current(manager, groupId, userId);
      return this.close(
        manager,
        target,
        self ? 'left' : 'removed',
        self ? null : (dto.reason ?? null),
        caller.userId,
      );
    });
    this.announceEnded(ended);
  }

  async ban(caller: Caller, groupId: string, dto: BanMemberDto): Promise<void> {
    const ended = await this.write(async (manager) => {
      assertNotCheckIn((await this.policy.authorize(caller, groupId, 'manage', manager)).group);
      if (dto.userId === caller.userId)
        throw new ConflictException(coded('CANNOT_BAN_SELF', 'You cannot ban yourself'));
      const existing = await manager.findOneBy(Membership, { groupId, userId: dto.userId });
      if (existing?.status === 'banned')
        throw new ConflictException(coded('ALREADY_BANNED', 'This person is already banned'));
      if (existing?.role === 'facilitator' && existing.status === 'active') {
        throw new ConflictException(
          coded('FACILITATOR_NOT_BANNABLE', 'A facilitator cannot be banned; change their role first'),
        );
      }
      await manager.update(
        JoinRequest,
        { groupId, userId: dto.userId, status: 'pending' },
        {
          status: 'declined',
          decidedBy: caller.userId,
          decidedAt: this.clock.now(),
        },
      );
      if (existing) {
        return this.close(manager, existing, 'banned', dto.reason ?? null, caller.userId);
      }
      await this.users.findById(dto.userId);
      const now = this.clock.now();
      const banned = manager.create(Membership, {
        id: randomUUID(),
        groupId,
        userId: dto.userId,
        role: 'member',
        status: 'banned',
        pseudonym: null,
        pseudonymKey: null,
        agreementVersion: null,
        agreementAcceptedAt: null,
        joinedAt: null,
        endedAt: now,
        endedReason: 'banned',
        endedNote: dto.reason ?? null,
        endedBy: caller.userId,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Membership, banned);
      return null;
    });
    if (ended) this.announceEnded(ended);
  }

  /** Lifts a ban; the person may then ask to join or redeem an invite again. */
  async unban(caller: Caller, groupId: string, userId: string): Promise<void> {
    await this.write(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const banned = await manager.findOneBy(Membership, { groupId, userId, status: 'banned' });
      if (!banned)
        throw new NotFoundException(coded('NOT_BANNED', 'This person is not banned from this group'));
      await manager.update(Membership, { id: banned.id }, { status: 'removed', updatedAt: this.clock.now() });
    });
  }

  /** Brings a staff account into the group as a co-facilitator; they accept the agreement like everyone. */
  async addFacilitator(caller: Caller, groupId: string, dto: AddFacilitatorDto): Promise<MemberView> {
    const membership = await this.write(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      assertNotCheckIn(group);
      const account = await this.users.findById(dto.userId);
      if (account.role === 'member')
        throw new ConflictException(
          coded('FACILITATOR_ACCOUNTS_ONLY', 'Only facilitator or admin accounts can facilitate a group'),
        );
      const existing = await manager.findOneBy(Membership, { groupId, userId: dto.userId });
      if (existing && (existing.status === 'active' || existing.status === 'pending')) {
        throw new ConflictException(
          coded('ALREADY_IN_GROUP', 'This person is already in the group; change their role instead'),
        );
      }
      await this.admissions.assertPseudonymFree(manager, groupId, dto.pseudonym, dto.userId);
      return this.admissions.open(manager, groupId, dto.userId, dto.pseudonym, 'facilitator', existing);
    });
    return this.selfView(membership);
  }

  private async close(
    manager: EntityManager,
    target: Membership,
    reason: MembershipEndReason,
    note: string | null,
    by: string,
  ): Promise<Membership> {
    if (target.role === 'facilitator' && target.status === 'active') {
      await this.assertAnotherFacilitator(manager, target.groupId, target.userId);
    }
    if (holdsSeat(target)) await freeSeat(manager, target.groupId);
    const now = this.clock.now();
    const changes = {
      status:
        reason === 'banned'
          ? ('banned' as const)
          : reason === 'left'
            ? ('left' as const)
            : ('removed' as const),
      endedAt: now,
      endedReason: reason,
      endedNote: note,
      endedBy: by,
      updatedAt: now,
    };
    await manager.update(Membership, { id: target.id }, changes);
    return Object.assign(target, changes);
  }

  private announceEnded(membership: Membership): void {
    this.events.emit(
      GroupEvents.membershipEnded,
      new MembershipEndedEvent(
        membership.groupId,
        membership.userId,
        membership.id,
        membership.endedReason ?? 'removed',
        membership.endedNote,
        membership.endedBy,
      ),
    );
  }

  /** A group always keeps at least one active facilitator. */
  private async assertAnotherFacilitator(
    manager: EntityManager,
    groupId: string,
    userId: string,
  ): Promise<void> {
    const others = await manager.countBy(Membership, {
      groupId,
      role: 'facilitator',
      status: 'active',
      userId: Not(userId),
    });
    if (others === 0) {
      throw new ConflictException(
        coded('LAST_FACILITATOR', 'A group needs at least one facilitator; add another first'),
      );
    }
  }

  private async current(manager: EntityManager, groupId: string, userId: string): Promise<Membership> {
    const membership = foundOrFail(await manager.findOneBy(Membership, { groupId, userId }), 'Member');
    if (membership.status !== 'active' && membership.status !== 'pending') {
      throw new NotFoundException(coded('MEMBER_NOT_FOUND', 'Member not found'));
    }
    return membership;
  }

  /** One membership as its person or a facilitator sees it, with the role it can act in now. */
  private async selfView(m: Membership): Promise<MemberView> {
    const roles = await this.policy.effectiveRoles([m]);
    return {
      membershipId: m.id,
      pseudonym: m.pseudonym,
      role: roles.get(m.id) ?? m.role,
      status: m.status,
      joinedAt: m.joinedAt?.toISOString() ?? null,
    };
  }

  /** A write whose pseudonym collision (found by the database in a race) reads as a clear conflict. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (isPseudonymTaken(error)) throw new ConflictException(coded('PSEUDONYM_TAKEN', PSEUDONYM_TAKEN));
      throw error;
    }
  }
}
