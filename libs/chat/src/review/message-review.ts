import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual, Not, type EntityManager } from 'typeorm';

import { Clock, Transactions, coded } from '@hearth/core';
import type { MessageDto } from '@hearth/contracts';

import { ChatError } from '../chat-error.js';
import { ChatEvents, MessagePostedEvent, MessageRemovedEvent } from '../events.js';
import { Mentions } from '../messages/mentions.js';
import { MessageSealing } from '../messages/message-sealing.js';
import { Message } from '../messages/message.entity.js';
import { MessageViews, toDto } from '../messages/message-views.js';
import { reserveSeqs } from '../messages/message-writer.js';
import { messageInGroup } from '../messages/messages.service.js';

/** Work done in the same transaction as a review decision (the moderation library writes its audit row). */
export type WithinDecision = (manager: EntityManager) => Promise<unknown>;

/**
 * What only moderation needs of chat's messages: reading them as facilitators do, and the decisions of review
 * (take one down, approve or reject a held one). Each decision runs `within` in its own transaction, so the
 * audit of it is never written without it, nor it without the audit; its event follows the commit.
 */
@Injectable()
export class MessageReview {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly views: MessageViews,
    private readonly mentions: Mentions,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly sealing: MessageSealing,
  ) {}

  /** A message as the group's facilitators see it (text included even when removed), with its author's account. */
  async forReview(
    groupId: string,
    messageId: string,
  ): Promise<{ message: MessageDto; authorUserId: string | null } | null> {
    const message = await this.dataSource.manager.findOneBy(Message, { id: messageId, groupId });
    if (!message) return null;
    const [dto] = await this.views.many(this.dataSource.manager, [message], { staff: true });
    return { message: dto, authorUserId: message.authorUserId };
  }

  /**
   * A message and the `before` messages posted just before it, oldest first, as facilitators see them: what a
   * facilitator reads to understand an incident. Held messages have no place in the timeline and come alone.
   */
  async inContext(groupId: string, messageId: string, before = 3): Promise<MessageDto[]> {
    const message = await this.dataSource.manager.findOneBy(Message, { id: messageId, groupId });
    if (!message) return [];
    const rows =
      message.seq === null
        ? [message]
        : (
            await this.dataSource.manager.find(Message, {
              where: { groupId, seq: LessThanOrEqual(message.seq), status: Not('held') },
              order: { seq: 'DESC' },
              take: before + 1,
            })
          ).reverse();
    return this.views.many(this.dataSource.manager, rows, { staff: true });
  }

  /** Messages waiting for review in these groups, oldest first, as facilitators see them. */
  async heldIn(groupIds: string[]): Promise<MessageDto[]> {
    if (groupIds.length === 0) return [];
    const rows = await this.dataSource.manager.find(Message, {
      where: { groupId: In(groupIds), status: 'held' },
      order: { createdAt: 'ASC' },
    });
    return this.views.many(this.dataSource.manager, rows, { staff: true });
  }

  /** The groups with messages waiting for review. */
  async heldGroupIds(): Promise<string[]> {
    const rows = await this.dataSource.manager.find(Message, {
      where: { status: 'held' },
      select: { groupId: true },
    });
    return [...new Set(rows.map((row) => row.groupId))];
  }

  /**
   * A facilitator takes a message down: members see a tombstone from now on; the text stays for facilitators'
   * review until retention deletes it, and the reason (sealed) stays for its author to read whenever she comes
   * back. Returns the tombstone as members see it, or null if nothing changed.
   */
  async remove(
    groupId: string,
    messageId: string,
    by: string,
    reason: string | null,
    within?: WithinDecision,
  ): Promise<MessageDto | null> {
    const message = await this.transactions.run(async (manager) => {
      const message = await messageInGroup(manager, messageId, groupId);
      if (message.status === 'removed' || message.deletedAt) return null;
      const now = this.clock.now();
      const removal = { status: 'removed' as const, removedAt: now, removedBy: by };
      await manager.update(
        Message,
        { id: messageId },
        {
          ...removal,
          removalReason: await this.sealing.sealRemovalReason(groupId, messageId, reason, manager),
        },
      );
      await within?.(manager);
      return Object.assign(message, removal, { removalReason: reason });
    });
    if (!message) return null;
    const [tombstone] = await this.views.many(this.dataSource.manager, [message]);
    // Her copy is the same tombstone, read as its author: no second lookup of authors and reactions.
    const authorsTombstone = message.authorUserId
      ? toDto(message, tombstone.author, tombstone.reactions, { staff: false, userId: message.authorUserId })
      : null;
    this.events.emit(
      ChatEvents.messageRemoved,
      new MessageRemovedEvent({
        groupId,
        messageId,
        seq: message.seq,
        cause: 'facilitator',
        byUserId: by,
        authorUserId: message.authorUserId,
        tombstone,
        authorsTombstone,
        originSocketId: null,
      }),
    );
    return tombstone;
  }

  /** A held message is approved: it takes the next place in the timeline now (its seq is given on approval). */
  async approveHeld(groupId: string, messageId: string, within?: WithinDecision): Promise<MessageDto> {
    const { message, seq } = await this.transactions.run(async (manager) => {
      const message = await this.held(manager, groupId, messageId);
      const seq = await reserveSeqs(manager, groupId, 1);
      await manager.update(Message, { id: messageId }, { status: 'visible', seq });
      await within?.(manager);
      return { message: Object.assign(message, { status: 'visible' as const, seq }), seq };
    });
    const [dto] = await this.views.many(this.dataSource.manager, [message]);
    this.events.emit(
      ChatEvents.messagePosted,
      new MessagePostedEvent({
        groupId,
        messageId,
        seq,
        authorMembershipId: message.authorMembershipId,
        authorUserId: message.authorUserId,
        kind: message.kind,
        replyToMembershipId: dto.replyToId ? await this.authorOf(dto.replyToId) : null,
        mentionedMembershipIds: await this.mentions.in(groupId, message.body, message.authorMembershipId),
        message: dto,
        originSocketId: null,
      }),
    );
    return dto;
  }

  /** A held message is rejected: it is deleted; only its author (and facilitators) ever saw it. */
  async rejectHeld(groupId: string, messageId: string, within?: WithinDecision): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.held(manager, groupId, messageId);
      await manager.delete(Message, { id: messageId });
      await within?.(manager);
    });
  }

  private async held(manager: EntityManager, groupId: string, messageId: string): Promise<Message> {
    const message = await messageInGroup(manager, messageId, groupId);
    if (message.status !== 'held')
      throw new ChatError('CONFLICT', coded('NOT_AWAITING_REVIEW', 'This message is not waiting for review'));
    return message;
  }

  private async authorOf(messageId: string): Promise<string | null> {
    const parent = await this.dataSource.manager.findOne(Message, {
      where: { id: messageId },
      select: { authorMembershipId: true },
    });
    return parent?.authorMembershipId ?? null;
  }
}
