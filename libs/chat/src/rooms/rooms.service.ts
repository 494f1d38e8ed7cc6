import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan, Not } from 'typeorm';

import { Clock, selectEntities, Transactions, coded } from '@hearth/core';
import { effectiveGroupRole, GroupPolicy, postingFactsOf, roomEntryRefusal } from '@hearth/groups';
import type { Caller } from '@hearth/identity';
import type { MessageDto } from '@hearth/contracts';

import { ChatError } from '../chat-error.js';
import { Message } from '../messages/message.entity.js';
import { MessageViews, type Viewer } from '../messages/message-views.js';
import { ChatRoom } from './chat-room.entity.js';
import { ReadMarker } from './read-marker.entity.js';
import { refusalAsChatError, type RoomMembership } from './room-membership.js';

export const CATCH_UP_LIMIT = 500;
export const LATEST_PAGE = 50;

@Injectable()
export class RoomsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: GroupPolicy,
    private readonly views: MessageViews,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Checks that the caller may enter the group's room: a member who accepted the current agreement. */
  async admit(caller: Caller, groupId: string): Promise<RoomMembership> {
    const access = await this.policy.load(caller, groupId);
    if (!access)
      throw new ChatError(
        'FORBIDDEN',
        coded('NOT_A_MEMBER', 'Only members of this group can join its conversation'),
      );
    const facts = postingFactsOf(access);
    const refusal = roomEntryRefusal(facts);
    const membership = access.membership;
    if (refusal || !membership) throw refusalAsChatError(refusal);
    return {
      groupId,
      membershipId: membership.id,
      pseudonym: membership.pseudonym,
      role: effectiveGroupRole(membership.role, caller.role),
      acceptedVersion: facts.acceptedVersion,
      requiredVersion: facts.currentVersion,
      archived: facts.archived,
      joinedAt: membership.joinedAt,
    };
  }

  /**
   * What a (re)joining client missed: every message after `sinceSeq`, in order, up to a limit; or, without
   * `sinceSeq`, the latest page. Also the reader's own messages still held for review.
   */
  async catchUp(
    groupId: string,
    reader: { userId: string; staff: boolean },
    sinceSeq?: number,
    /** At most this many missed messages (a person's catch-up allowance may be smaller than a page). */
    limit = CATCH_UP_LIMIT,
  ): Promise<{ lastSeq: number; missed: MessageDto[]; hasMore: boolean; held: MessageDto[] }> {
    const manager = this.dataSource.manager;
    const room = await manager.findOneBy(ChatRoom, { groupId });
    const lastSeq = room?.lastSeq ?? 0;
    const heldRows = await manager.find(Message, {
      where: { groupId, status: 'held', authorUserId: reader.userId },
      order: { createdAt: 'ASC' },
    });
    const held = await this.views.many(manager, heldRows);
    if (sinceSeq === undefined) {
      const latest = await manager.find(Message, {
        where: { groupId, seq: Not(IsNull()) },
        order: { seq: 'DESC' },
        take: Math.min(LATEST_PAGE, limit),
      });
      return {
        lastSeq,
        missed: await this.views.many(manager, latest.reverse(), reader),
        hasMore: lastSeq > Math.min(LATEST_PAGE, limit),
        held,
      };
    }
    const missed = await manager.find(Message, {
      where: { groupId, seq: MoreThan(sinceSeq) },
      order: { seq: 'ASC' },
      take: Math.min(CATCH_UP_LIMIT, limit) + 1,
    });
    const hasMore = missed.length > Math.min(CATCH_UP_LIMIT, limit);
    return {
      lastSeq,
      missed: await this.views.many(manager, missed.slice(0, Math.min(CATCH_UP_LIMIT, limit)), reader),
      hasMore,
      held,
    };
  }

  /** A page of the timeline by seq cursor, oldest first. Held messages are not in the timeline. */
  async page(
    groupId: string,
    query: { before?: number; after?: number; limit: number },
    reader: Viewer,
  ): Promise<MessageDto[]> {
    const manager = this.dataSource.manager;
    // Plain SQL: the hottest read there is (docs/PERFORMANCE.md, history reads).
    if (query.after !== undefined) {
      const rows = await selectEntities(
        manager,
        Message,
        '"group_id" = ? AND "seq" > ? ORDER BY "seq" ASC LIMIT ?',
        [groupId, query.after, query.limit],
      );
      return this.views.many(manager, rows, reader);
    }
    const rows =
      query.before !== undefined
        ? await selectEntities(manager, Message, '"group_id" = ? AND "seq" < ? ORDER BY "seq" DESC LIMIT ?', [
            groupId,
            query.before,
            query.limit,
          ])
        : await selectEntities(
            manager,
            Message,
            '"group_id" = ? AND "seq" IS NOT NULL ORDER BY "seq" DESC LIMIT ?',
            [groupId, query.limit],
          );
    return this.views.many(manager, rows.reverse(), reader);
  }

  /** Moves my read marker forward (never back). */
  async markRead(userId: string, groupId: string, seq: number): Promise<number> {
    return this.transactions.run(async (manager) => {
      const room = await manager.findOneBy(ChatRoom, { groupId });
      const capped = Math.min(seq, room?.lastSeq ?? 0);
      const current = await manager.findOneBy(ReadMarker, { groupId, userId });
      if (current && current.seq >= capped) return current.seq;
      await manager.upsert(ReadMarker, { groupId, userId, seq: capped, updatedAt: this.clock.now() }, [
        'groupId',
        'userId',
      ]);
      return capped;
    });
  }

  /** Messages by others after my read marker, per group. */
  async unreadCounts(userId: string, groupIds: string[]): Promise<Map<string, number>> {
    if (groupIds.length === 0) return new Map();
    const manager = this.dataSource.manager;
    const markers = await manager.findBy(ReadMarker, { userId, groupId: In(groupIds) });
    const readUpTo = new Map(markers.map((m) => [m.groupId, m.seq]));
    const counts = new Map<string, number>();
    for (const groupId of groupIds) {
      const count = await manager.count(Message, {
        where: [
          {
            groupId,
            seq: MoreThan(readUpTo.get(groupId) ?? 0),
            deletedAt: IsNull(),
            authorUserId: Not(userId),
          },
          { groupId, seq: MoreThan(readUpTo.get(groupId) ?? 0), deletedAt: IsNull(), authorUserId: IsNull() },
        ],
      });
      counts.set(groupId, count);
    }
    return counts;
  }
}
