import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DataSource, type EntityManager } from 'typeorm';

import {
  Clock,
  isUniqueViolation,
  rawRows,
  SharedState,
  Shredder,
  Transactions,
  type HearthConfig,
  coded,
} from '@hearth/core';
import {
  EDIT_WINDOW_MINUTES,
  MESSAGE_MAX_LENGTH,
  type MessageDto,
  type ReactionDto,
} from '@hearth/contracts';

import { ChatError } from '../chat-error.js';
import {
  ChatEvents,
  MessageEditedEvent,
  MessagePostedEvent,
  MessageRemovedEvent,
  type MessageRemovalCause,
} from '../events.js';
import { MessagePipeline, type MessageDraft } from '../pipeline/message-pipeline.js';
import { Mentions } from './mentions.js';
import { MessageEdit } from './message-edit.entity.js';
import { MessageWriter } from './message-writer.js';
import { Message } from './message.entity.js';
import { MessageSealing } from './message-sealing.js';
import { MessageViews, toDto } from './message-views.js';
import { Reaction } from './reaction.entity.js';
import type { Speaker } from './speaker.js';

const EDIT_NEEDS_REVIEW = 'This change would need a facilitator’s review; send it as a new message instead';

/** Trimmed and NFC-normalized; refused when empty or longer than the limit. */
export function normalizeBody(body: string): string {
  const normalized = body.normalize('NFC').trim();
  // Characters are counted only where UTF-16 units could be too many: a text's units are never fewer than its
  // characters, and spreading every message into an array of characters was most of what normalizing allocated.
  if (
    normalized.length === 0 ||
    (normalized.length > MESSAGE_MAX_LENGTH && [...normalized].length > MESSAGE_MAX_LENGTH)
  ) {
    throw new ChatError(
      'VALIDATION',
      coded('MESSAGE_LENGTH', `body must be 1–${MESSAGE_MAX_LENGTH} characters after trimming`),
      [{ field: 'body', message: `body must be 1–${MESSAGE_MAX_LENGTH} characters after trimming` }],
    );
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
    private readonly mentions: Mentions,
    private readonly events: EventEmitter2,
    private readonly shredder: Shredder,
    private readonly clock: Clock,
    private readonly sealing: MessageSealing,
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
   * MessageWriter), then announces it (`message.posted`) if it went into the timeline. Sending the same
   * clientId again returns the stored message and stores nothing. `origin` names the connection it came
   * through, if any.
   */
  async send(
    speaker: Speaker,
    input: { clientId: string; body: string; replyToId?: string; kind?: 'text' | 'reflection' },
    origin: string | null = null,
  ): Promise<{ message: MessageDto; created: boolean }> {
    const body = normalizeBody(input.body);
    const existing = await this.findByClientId(speaker, input.clientId);
    if (existing) return { message: existing, created: false };
    await this.consumeSendBudget(speaker.userId);
    const draft: MessageDraft = { ...speaker, body, kind: input.kind ?? 'text', intent: 'post' };
    const outcome = await this.pipeline.run(draft);
    if (outcome.decision === 'block' && outcome.block) {
      await this.pipeline.notify({ draft, outcome, message: null });
      throw new ChatError(outcome.block.code, outcome.block.message, outcome.block.details);
    }
    let stored: MessageDto;
    let replyToMembershipId: string | null;
    try {
      const held = outcome.decision === 'hold';
      const written = await this.writer.write({
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
        removalReason: null,
      });
      stored = toDto(written.message, authorOf(speaker));
      replyToMembershipId = written.replyToMembershipId;
    } catch (error) {
      // The same clientId sent twice at once: the database kept one; both senders get it.
      if (isUniqueViolation(error, 'messages')) {
        const again = await this.findByClientId(speaker, input.clientId);
        if (again) return { message: again, created: false };
      }
      throw error;
    }
    if (stored.seq !== null) {
      this.events.emit(
        ChatEvents.messagePosted,
        new MessagePostedEvent({
          groupId: speaker.groupId,
          messageId: stored.id,
          seq: stored.seq,
          authorMembershipId: speaker.membershipId,
          authorUserId: speaker.userId,
          kind: draft.kind,
          replyToMembershipId,
          mentionedMembershipIds: await this.mentions.in(speaker.groupId, body, speaker.membershipId),
          message: stored,
          originSocketId: origin,
        }),
      );
    }
    await this.pipeline.notify({ draft, outcome, message: stored });
    return { message: stored, created: true };
  }

  /**
   * Edits one's own message within the edit window; the previous text is kept. New text passes the message
   * pipeline and the send budget as a post does, and is cared for the same way (words of crisis open an
   * incident). Text the pipeline would hold for review is refused: the message is already in the timeline.
   */
  async edit(
    speaker: Speaker,
    messageId: string,
    text: string,
    origin: string | null = null,
  ): Promise<MessageDto> {
    const body = normalizeBody(text);
    const current = await this.editable(this.dataSource.manager, speaker, messageId);
    if (current.body === body) {
      const [unchanged] = await this.views.many(this.dataSource.manager, [current]);
      return unchanged;
    }
    await this.consumeSendBudget(speaker.userId);
    const kind = current.kind === 'reflection' ? 'reflection' : 'text';
    const draft: MessageDraft = { ...speaker, body, kind, intent: 'edit' };
    const outcome = await this.pipeline.run(draft);
    if (outcome.decision === 'block' && outcome.block) {
      await this.pipeline.notify({ draft, outcome, message: null });
      throw new ChatError(outcome.block.code, outcome.block.message, outcome.block.details);
    }
    if (outcome.decision === 'hold')
      throw new ChatError('CONFLICT', coded('EDIT_NEEDS_REVIEW', EDIT_NEEDS_REVIEW));
    const key = await this.sealing.keyOf(speaker.groupId);
    const message = await this.transactions.run(async (manager) => {
      const message = await this.editable(manager, speaker, messageId);
      const now = this.clock.now();
      const editId = randomUUID();
      await manager.insert(MessageEdit, {
        id: editId,
        messageId,
        body: this.sealing.sealEdit(key, editId, message.body),
        replacedAt: now,
      });
      await manager.update(
        Message,
        { id: messageId },
        { body: this.sealing.sealBody(key, { id: messageId, editedAt: now, body }), editedAt: now },
      );
      return Object.assign(message, { body, editedAt: now });
    });
    const [dto] = await this.views.many(this.dataSource.manager, [message]);
    this.events.emit(
      ChatEvents.messageEdited,
      new MessageEditedEvent({
        groupId: speaker.groupId,
        messageId,
        seq: dto.seq,
        authorMembershipId: message.authorMembershipId,
        message: dto,
        originSocketId: origin,
      }),
    );
    await this.pipeline.notify({ draft, outcome, message: dto });
    return dto;
  }

  /**
   * Deletes one's own message: its text and history go, from the database files too (Shredder); a tombstone
   * keeps its place in the timeline. The cause says whether its author deleted it or withdrew the share it came
   * from.
   */
  async delete(
    author: Pick<Speaker, 'userId' | 'groupId'>,
    messageId: string,
    options: {
      origin?: string | null;
      cause?: Extract<MessageRemovalCause, 'author' | 'share_withdrawn'>;
    } = {},
  ): Promise<MessageDto> {
    const message = await this.transactions.run(async (manager) => {
      const message = await this.ownMessage(manager, author, messageId);
      const now = this.clock.now();
      await manager.delete(MessageEdit, { messageId });
      await manager.delete(Reaction, { messageId });
      await manager.update(Message, { id: messageId }, { body: '', removalReason: null, deletedAt: now });
      return Object.assign(message, { body: '', removalReason: null, deletedAt: now });
    });
    await this.shredder.shred();
    const [tombstone] = await this.views.many(this.dataSource.manager, [message]);
    this.events.emit(
      ChatEvents.messageRemoved,
      new MessageRemovedEvent({
        groupId: author.groupId,
        messageId,
        seq: message.seq,
        cause: options.cause ?? 'author',
        byUserId: author.userId,
        authorUserId: author.userId,
        tombstone,
        originSocketId: options.origin ?? null,
      }),
    );
    return tombstone;
  }

  async react(speaker: Speaker, messageId: string, emoji: string, add: boolean): Promise<ReactionDto[]> {
    await this.assertMayInteract(speaker);
    return this.transactions.run(async (manager) => {
      const message = await messageInGroup(manager, messageId, speaker.groupId);
      if (message.deletedAt || message.status !== 'visible')
        throw new ChatError('NOT_FOUND', coded('MESSAGE_NOT_FOUND', 'Message not found'));
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

  /** Reacting and showing that one is typing are smaller kinds of posting: a mute stops them too. */
  async assertMayInteract(speaker: Speaker): Promise<void> {
    const refusal = await this.pipeline.mayReact(speaker);
    if (refusal) throw new ChatError(refusal.code, refusal.message, refusal.details);
  }

  /** Which group a message belongs to, so a socket can check it has joined that group. */
  async groupOf(messageId: string): Promise<string> {
    const message = await this.dataSource.manager.findOne(Message, {
      where: { id: messageId },
      select: { groupId: true },
    });
    if (!message) throw new ChatError('NOT_FOUND', coded('MESSAGE_NOT_FOUND', 'Message not found'));
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

  /** One's own message, in the timeline, within the edit window. */
  private async editable(manager: EntityManager, speaker: Speaker, messageId: string): Promise<Message> {
    const message = await this.ownMessage(manager, speaker, messageId);
    if (message.status !== 'visible')
      throw new ChatError(
        'CONFLICT',
        coded('HELD_NOT_EDITABLE', 'A message waiting for review cannot be edited'),
      );
    const age = this.clock.now().getTime() - message.createdAt.getTime();
    if (age > EDIT_WINDOW_MINUTES * 60_000) {
      throw new ChatError(
        'EDIT_WINDOW_CLOSED',
        coded('EDIT_WINDOW_CLOSED', `Messages can be edited for ${EDIT_WINDOW_MINUTES} minutes`),
      );
    }
    return message;
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

  private async ownMessage(
    manager: EntityManager,
    author: Pick<Speaker, 'userId' | 'groupId'>,
    messageId: string,
  ): Promise<Message> {
    const message = await messageInGroup(manager, messageId, author.groupId);
    if (message.authorUserId !== author.userId)
      throw new ChatError('FORBIDDEN', coded('NOT_YOUR_MESSAGE', 'You can only change your own messages'));
    if (message.deletedAt) throw new ChatError('NOT_FOUND', coded('MESSAGE_NOT_FOUND', 'Message not found'));
    return message;
  }
}

export async function messageInGroup(
  manager: EntityManager,
  messageId: string,
  groupId: string,
): Promise<Message> {
  const message = await manager.findOneBy(Message, { id: messageId, groupId });
  if (!message) throw new ChatError('NOT_FOUND', coded('MESSAGE_NOT_FOUND', 'Message not found'));
  return message;
}

function authorOf(speaker: Speaker) {
  return { membershipId: speaker.membershipId, pseudonym: speaker.pseudonym, role: speaker.role };
}
