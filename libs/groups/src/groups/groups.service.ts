import { randomUUID } from 'node:crypto';

import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';

import {
  Clock,
  foundOrFail,
  Shredder,
  Transactions,
  ValidationFailedException,
  type SpokenLanguage,
  coded,
} from '@hearth/core';
import type { Caller } from '@hearth/identity';

import { AgreementAcceptance } from '../agreements/agreement-acceptance.entity.js';
import { defaultAgreement } from '../agreements/default-agreement.js';
import { GroupAgreement } from '../agreements/group-agreement.entity.js';
import { GroupChangedEvent, GroupEvents } from '../events.js';
import { GroupKeys } from '../keys/group-keys.service.js';
import { Membership } from '../memberships/membership.entity.js';
import { pseudonymKey } from '../memberships/pseudonym.js';
import { GroupPolicy } from '../policy/group-policy.js';
import type { CreateGroupDto } from './dto/create-group.dto.js';
import type { GroupView } from './dto/group.view.js';
import type { ListGroupsQuery } from './dto/list-groups.dto.js';
import type { UpdateGroupDto } from './dto/update-group.dto.js';
import { CHECK_IN_KIND, Group, type GroupKind } from './group.entity.js';
import { GroupViews } from './group-views.js';

export const DEFAULT_FACILITATOR_PSEUDONYM = 'Facilitator';

/** Check-ins are private conversations, listed apart (GET /api/check-ins), never among groups. */
const NOT_CHECK_IN = Not<GroupKind>(CHECK_IN_KIND);

@Injectable()
export class GroupsService {
  constructor(
    @InjectRepository(Group) private readonly groups: Repository<Group>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    private readonly policy: GroupPolicy,
    private readonly views: GroupViews,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
    private readonly keys: GroupKeys,
    private readonly shredder: Shredder,
  ) {}

  /**
   * Creates a group; its creator becomes its first facilitator, having accepted agreement version 1, written in
   * the group's language when the form names one (`dto.language`), else in the creator's (the request's).
   */
  async create(caller: Caller, dto: CreateGroupDto, language: SpokenLanguage = 'en'): Promise<GroupView> {
    if (dto.kind === 'circle' && dto.endsOn !== undefined) {
      throw new ValidationFailedException([
        { field: 'endsOn', message: 'endsOn is only for cohorts', code: 'cohortsOnly' },
      ]);
    }
    const now = this.clock.now();
    const pseudonym = dto.facilitatorPseudonym ?? DEFAULT_FACILITATOR_PSEUDONYM;
    const { group, membership } = await this.transactions.run(async (manager) => {
      const group = manager.create(Group, {
        id: randomUUID(),
        name: dto.name,
        description: dto.description,
        kind: dto.kind,
        endsOn: dto.endsOn ?? null,
        visibility: dto.visibility,
        capacity: dto.capacity,
        seatsTaken: 0,
        status: 'active',
        timezone: dto.timezone,
        agreementVersion: 1,
        createdBy: caller.userId,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
      });
      await manager.insert(Group, group);
      await this.keys.create(manager, group.id);
      await manager.insert(GroupAgreement, {
        id: randomUUID(),
        groupId: group.id,
        version: 1,
        text: defaultAgreement(dto.language ?? language),
        publishedBy: caller.userId,
        publishedAt: now,
      });
      const membership = manager.create(Membership, {
        id: randomUUID(),
        groupId: group.id,
        userId: caller.userId,
        role: 'facilitator',
        status: 'active',
        pseudonym,
        pseudonymKey: pseudonymKey(pseudonym),
        agreementVersion: 1,
        agreementAcceptedAt: now,
        joinedAt: now,
        endedAt: null,
        endedReason: null,
        endedNote: null,
        endedBy: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Membership, membership);
      await manager.insert(AgreementAcceptance, {
        id: randomUUID(),
        groupId: group.id,
        userId: caller.userId,
        version: 1,
        acceptedAt: now,
      });
      return { group, membership };
    });
    return this.views.one(group, membership, { role: caller.role });
  }

  async list(caller: Caller, query: ListGroupsQuery): Promise<GroupView[]> {
    const mine = await this.memberships.find({ where: { userId: caller.userId } });
    const byGroup = new Map(mine.map((m) => [m.groupId, m]));
    let groups: Group[];
    if (query.scope === 'all') {
      if (caller.role !== 'admin')
        throw new ForbiddenException(coded('ADMINS_ONLY', 'Only admins can list every group'));
      groups = await this.groups.find({ where: { kind: NOT_CHECK_IN }, order: { createdAt: 'ASC' } });
    } else if (query.scope === 'discover') {
      groups = await this.groups.find({
        where: { visibility: 'listed', status: 'active', kind: NOT_CHECK_IN },
        order: { createdAt: 'ASC' },
      });
      groups = groups.filter((group) => byGroup.get(group.id)?.status !== 'banned');
    } else {
      const current = mine
        .filter((m) => m.status === 'active' || m.status === 'pending')
        .map((m) => m.groupId);
      groups = current.length
        ? await this.groups.find({
            where: { id: In(current), kind: NOT_CHECK_IN },
            order: { createdAt: 'ASC' },
          })
        : [];
    }
    return this.views.many(groups, byGroup, { role: caller.role });
  }

  async get(caller: Caller, groupId: string): Promise<GroupView> {
    const { group, membership } = await this.policy.authorize(caller, groupId, 'view');
    return this.views.one(group, membership, { role: caller.role });
  }

  async update(caller: Caller, groupId: string, dto: UpdateGroupDto): Promise<GroupView> {
    await this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      if (dto.endsOn !== undefined && group.kind !== 'cohort') {
        throw new ValidationFailedException([
          { field: 'endsOn', message: 'endsOn is only for cohorts', code: 'cohortsOnly' },
        ]);
      }
      const { capacity, ...rest } = withoutUndefined(dto);
      if (capacity !== undefined) {
        // Conditional, so that a seat taken meanwhile on another connection is never squeezed out.
        const result = await manager
          .createQueryBuilder()
          .update(Group)
          .set({ capacity })
          .where('id = :id AND seats_taken <= :capacity', { id: groupId, capacity })
          .execute();
        if (!result.affected) {
          throw new ConflictException(
            coded(
              'CAPACITY_BELOW_SEATS',
              `Capacity cannot be below the ${group.seatsTaken} seats already taken`,
            ),
          );
        }
      }
      await manager.update(Group, { id: groupId }, { ...rest, updatedAt: this.clock.now() });
    });
    this.events.emit(GroupEvents.groupUpdated, new GroupChangedEvent(groupId));
    return this.get(caller, groupId);
  }

  /** A cohort ends, or a circle closes: the group becomes read-only; its members keep read access. */
  async archive(caller: Caller, groupId: string): Promise<GroupView> {
    await this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      const now = this.clock.now();
      await manager.update(Group, { id: groupId }, { status: 'archived', archivedAt: now, updatedAt: now });
    });
    this.events.emit(GroupEvents.groupArchived, new GroupChangedEvent(groupId));
    return this.get(caller, groupId);
  }

  /**
   * Erases an archived group for good: its key is destroyed (crypto-shredding every sealed field, wherever
   * copies of it are) and its rows deleted (everything keyed to the group cascades), then the files are
   * shredded. Moderation deletes its own rows when it hears `group.erased`.
   */
  async erase(groupId: string): Promise<void> {
    const erased = await this.transactions.run(async (manager) => {
      const group = foundOrFail(await manager.findOneBy(Group, { id: groupId }), 'Group');
      if (group.status !== 'archived') {
        throw new ConflictException(
          coded('ARCHIVE_FIRST', 'Only an archived group can be erased; archive it first'),
        );
      }
      // Its check-ins go with it (the rows cascade); their keys are destroyed the same way.
      const checkIns = await manager.find(Group, { where: { parentGroupId: groupId }, select: { id: true } });
      const ids = [...checkIns.map((c) => c.id), groupId];
      for (const id of ids) await this.keys.destroy(manager, id);
      await manager.delete(Group, { id: groupId });
      return ids;
    });
    // Awaited: libraries that keep rows of the group (moderation) delete them before the files are shredded.
    for (const id of erased) await this.events.emitAsync(GroupEvents.groupErased, new GroupChangedEvent(id));
    await this.shredder.shred();
  }
}

/** Archived groups are read-only. */
export function assertOpen(group: Group): void {
  if (group.status === 'archived') {
    throw new ConflictException(coded('GROUP_ARCHIVED', 'This group is archived and read-only'));
  }
}

function withoutUndefined<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}
