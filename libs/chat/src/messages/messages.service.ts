import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DataSource, In, type EntityManager } from 'typeorm';

import {
  Clock,
  isUniqueViolation,
  rawRows,
  SharedState,
  Transactions,
  type HearthConfig,
} from '@hearth/core';
import {
  EDIT_WINDOW_MINUTES,
  MESSAGE_MAX_LENGTH,
  type MessageDto,
  type ReactionDto,
} from '@hearth/contracts';

import { ChatError } from '../chat-error.js';
import { MessagePipeline, type MessageDraft } from '../pipeline/message-pipeline.js';
import { MessageEdit } from './message-edit.entity.js';
import { MessageWriter, reserveSeqs } from './message-writer.js';
import { Message } from './message.entity.js';
import { MessageViews, toDto } from './message-views.js';
import { Reaction } from './reaction.entity.js';
import type { Speaker } from './speaker.js';

/** Trimmed and NFC-normalized; refused when empty or longer than the limit. */
export function normalizeBody(body: string): string {
  const normalized = body.normalize('NFC').trim();
  if (normalized.length === 0 || [...normalized].length > MESSAGE_MAX_LENGTH) {
    throw new ChatError('VALIDATION', `body must be 1–${MESSAGE_MAX_LENGTH} characters after trimming`, [
      { field: 'body', message: `body must be 1–${MESSAGE_MAX_LENGTH} characters after trimming` },
    ]);
  }
  return normalized;
}

@Injectable()
export class MessagesService {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly views: MessageViews,
    private readonly pipeline: MessagePipeline,
    private readonly writer: MessageWriter,
    private readonly clock: Clock,
    config: ConfigService<HearthConfig, true>,
    state: SharedState,
  ) {
    const { rateLimit, rateWindowSeconds } = config.get('chat', { infer: true });
    this.limiter = state.rateLimiter({
      keyPrefix: 'chat-send',
      points: rateLimit,
      duration: rateWindowSeconds,
    });
  }

  /**
   * Stores a message and returns it once committed (written with others that arrive at the same time: see
   * MessageWriter). Sending the same clientId again returns the stored message and stores nothing.
   */
  async send(
    speaker: Speaker,
    input: { clientId: string; body: string; replyToId?: string; kind?: 'text' | 'reflection' },
  ): Promise<{ message: MessageDto; created: boolean }> {
    const body = normalizeBody(input.body);
    const existing = await this.findByClientId(speaker, input.clientId);
    if (existing) return { message: existing, created: false };
    await this.consumeSendBudget(speaker.userId);
    const draft: MessageDraft = { ...speaker, body, kind: input.kind ?? 'text' };
    const outcome = await this.pipeline.run(draft);
    if (outcome.decision === 'block' && outcome.block) {
      await this.pipeline.notify({ draft, outcome, message: null });
      throw new ChatError(outcome.block.code, outcome.block.message, outcome.block.details);
    }
    let stored: MessageDto;
    try {
      const held = outcome.decision === 'hold';
      const message = await this.writer.write({
        id: randomUUID(),
        groupId: speaker.groupId,
        status: held ? 'held' : 'visible',
        authorMembershipId: speaker.membershipId,
        authorUserId: speaker.userId,
        clientId: input.clientId,
        kind: draft.kind,
        body,
        replyToId: input.replyToId ?? null,
        createdAt: this.clock.now(),
        editedAt: null,
        deletedAt: null,
        removedAt: null,
        removedBy: null,
      });
      stored = toDto(message, authorOf(speaker));
    } catch (error) {
      // The same clientId sent twice at once: the database kept one; both senders get it.
      if (isUniqueViolation(error, 'messages')) {
        const again = await this.findByClientId(speaker, input.clientId);
        if (again) return { message: again, created: false };
      }
      throw error;
    }
    await this.pipeline.notify({ draft, outcome, message: stored });
    return { message: stored, created: true };
  }

  /** Edits one's own message within the edit window; the previous text is kept. */
  async edit(speaker: Speaker, messageId: string, text: string): Promise<MessageDto> {
    const body = normalizeBody(text);
    const message = await this.transactions.run(async (manager) => {
      const message = await this.ownMessage(manager, speaker, messageId);
      if (message.status !== 'visible')
        throw new ChatError('CONFLICT', 'A message waiting for review cannot be edited');
      const age = this.clock.now().getTime() - message.createdAt.getTime();
      if (age > EDIT_WINDOW_MINUTES * 60_000) {
        throw new ChatError(
          'EDIT_WINDOW_CLOSED',
          `Messages can be edited for ${EDIT_WINDOW_MINUTES} minutes`,
        );
      }
      if (message.body === body) return message;
      const now = this.clock.now();
      await manager.insert(MessageEdit, { id: randomUUID(), messageId, body: message.body, replacedAt: now });
      await manager.update(Message, { id: messageId }, { body, editedAt: now });
      return Object.assign(message, { body, editedAt: now });
    });
    const [dto] = await this.views.many(this.dataSource.manager, [message]);
    return dto;
  }

  /** Deletes one's own message: its text and history go; a tombstone keeps its place in the timeline. */
  async delete(speaker: Speaker, messageId: string): Promise<MessageDto> {
    const message = await this.transactions.run(async (manager) => {
      const message = await this.ownMessage(manager, speaker, messageId);
      const now = this.clock.now();
      await manager.delete(MessageEdit, { messageId });
      await manager.delete(Reaction, { messageId });
      await manager.update(Message, { id: messageId }, { body: '', deletedAt: now });
      return Object.assign(message, { body: '', deletedAt: now });
    });
    return toDto(message, authorOf(speaker));
  }

  async react(speaker: Speaker, messageId: string, emoji: string, add: boolean): Promise<ReactionDto[]> {
    const refusal = await this.pipeline.mayReact(speaker);
    if (refusal) throw new ChatError(refusal.code, refusal.message, refusal.details);
    return this.transactions.run(async (manager) => {
      const message = await this.inGroup(manager, messageId, speaker.groupId);
      if (message.deletedAt || message.status !== 'visible')
        throw new ChatError('NOT_FOUND', 'Message not found');
      if (add) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(Reaction)
          .values({
            messageId,
            userId: speaker.userId,
            emoji,
            membershipId: speaker.membershipId,
            createdAt: this.clock.now(),
          })
          .orIgnore()
          .execute();
      } else {
        await manager.delete(Reaction, { messageId, userId: speaker.userId, emoji });
      }
      return (await this.views.reactionsOf(manager, [messageId])).get(messageId) ?? [];
    });
  }

  /**
   * A facilitator takes a message down: members see a tombstone from now on; the text stays for facilitators'
   * review until retention deletes it. Returns the tombstone as members see it, or null if nothing changed.
   */
  async removeByFacilitator(groupId: string, messageId: string, by: string): Promise<MessageDto | null> {
    const message = await this.transactions.run(async (manager) => {
      const message = await this.inGroup(manager, messageId, groupId);
      if (message.status === 'removed' || message.deletedAt) return null;
      const now = this.clock.now();
      await manager.update(Message, { id: messageId }, { status: 'removed', removedAt: now, removedBy: by });
      return Object.assign(message, { status: 'removed' as const, removedAt: now, removedBy: by });
    });
    if (!message) return null;
    const [dto] = await this.views.many(this.dataSource.manager, [message]);
    return dto;
  }

  /** A held message is approved: it takes the next place in the timeline now (its seq is given on approval). */
  async approveHeld(groupId: string, messageId: string): Promise<MessageDto> {
    const message = await this.transactions.run(async (manager) => {
      const message = await this.inGroup(manager, messageId, groupId);
      if (message.status !== 'held')
        throw new ChatError('CONFLICT', 'This message is not waiting for review');
      const seq = await reserveSeqs(manager, groupId, 1);
      await manager.update(Message, { id: messageId }, { status: 'visible', seq });
      return Object.assign(message, { status: 'visible' as const, seq });
    });
    const [dto] = await this.views.many(this.dataSource.manager, [message]);
    return dto;
  }

  /** A held message is rejected: it is deleted; only its author (and facilitators) ever saw it. */
  async rejectHeld(groupId: string, messageId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const message = await this.inGroup(manager, messageId, groupId);
      if (message.status !== 'held')
        throw new ChatError('CONFLICT', 'This message is not waiting for review');
      await manager.delete(Message, { id: messageId });
    });
  }

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

  /** Which group a message belongs to, so a socket can check it has joined that group. */
  async groupOf(messageId: string): Promise<string> {
    const message = await this.dataSource.manager.findOne(Message, {
      where: { id: messageId },
      select: { groupId: true },
    });
    if (!message) throw new ChatError('NOT_FOUND', 'Message not found');
    return message.groupId;
  }

  private async consumeSendBudget(userId: string): Promise<void> {
    try {
      await this.limiter.consume(userId);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new ChatError('RATE_LIMITED', 'You are sending messages too quickly; wait a moment', {
          retryAfterMs: rejection.msBeforeNext,
        });
      }
      throw rejection;
    }
  }

  /** Checked before every send, so a plain indexed query; the message is loaded only when it exists. */
  private async findByClientId(speaker: Speaker, clientId: string): Promise<MessageDto | null> {
    const [found] = await rawRows<{ id: string }>(
      this.dataSource.manager,
      'SELECT id FROM messages WHERE group_id = ? AND author_user_id = ? AND client_id = ?',
      [speaker.groupId, speaker.userId, clientId],
    );
    const stored = found ? await this.dataSource.manager.findOneBy(Message, { id: found.id }) : null;
    if (!stored) return null;
    const [dto] = await this.views.many(this.dataSource.manager, [stored]);
    return dto;
  }

  private async ownMessage(manager: EntityManager, speaker: Speaker, messageId: string): Promise<Message> {
    const message = await this.inGroup(manager, messageId, speaker.groupId);
    if (message.authorUserId !== speaker.userId)
      throw new ChatError('FORBIDDEN', 'You can only change your own messages');
    if (message.deletedAt) throw new ChatError('NOT_FOUND', 'Message not found');
    return message;
  }

  private async inGroup(manager: EntityManager, messageId: string, groupId: string): Promise<Message> {
    const message = await manager.findOneBy(Message, { id: messageId, groupId });
    if (!message) throw new ChatError('NOT_FOUND', 'Message not found');
    return message;
  }
}

function authorOf(speaker: Speaker) {
  return { membershipId: speaker.membershipId, pseudonym: speaker.pseudonym, role: speaker.role };
}
