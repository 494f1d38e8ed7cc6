import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { selectEntities } from '@hearth/core';
import { GroupPolicy } from '@hearth/groups';
import type { AuthorDto, MessageDto, ReactionDto, ReactionEmoji } from '@hearth/contracts';

import type { Message } from './message.entity.js';
import { Reaction } from './reaction.entity.js';

/**
 * Who is looking: facilitators (and admins) still see the text of a message a facilitator removed; its author
 * (`userId`) reads the facilitator's reason on her tombstone, which nobody else is shown.
 */
export interface Viewer {
  staff: boolean;
  userId?: string | null;
}

/** Turns stored messages into what clients see: authors by membership and pseudonym, reactions counted. */
@Injectable()
export class MessageViews {
  constructor(private readonly groups: GroupPolicy) {}

  async many(
    manager: EntityManager,
    messages: Message[],
    viewer: Viewer = { staff: false },
  ): Promise<MessageDto[]> {
    if (messages.length === 0) return [];
    const authorIds = [
      ...new Set(messages.map((m) => m.authorMembershipId).filter((id): id is string => id !== null)),
    ];
    const memberships = await this.groups.membershipsByIds(authorIds);
    // Peers see the role each author can act in now, not a facilitator membership their account no longer backs.
    const roles = await this.groups.effectiveRoles(memberships);
    const authors = new Map(
      memberships.map((m) => [
        m.id,
        { membershipId: m.id, pseudonym: m.pseudonym, role: roles.get(m.id) ?? m.role },
      ]),
    );
    const reactions = await this.reactionsOf(
      manager,
      messages.map((m) => m.id),
    );
    return messages.map((message) =>
      toDto(
        message,
        message.authorMembershipId ? (authors.get(message.authorMembershipId) ?? null) : null,
        reactions.get(message.id) ?? [],
        viewer,
      ),
    );
  }

  async reactionsOf(manager: EntityManager, messageIds: string[]): Promise<Map<string, ReactionDto[]>> {
    if (messageIds.length === 0) return new Map();
    const rows = await selectEntities(
      manager,
      Reaction,
      `"message_id" IN (${messageIds.map(() => '?').join(', ')}) ORDER BY "created_at" ASC`,
      messageIds,
    );
    const result = new Map<string, ReactionDto[]>();
    for (const row of rows) {
      const list = result.get(row.messageId) ?? [];
      let entry = list.find((r) => r.emoji === row.emoji);
      if (!entry) {
        entry = { emoji: row.emoji as ReactionEmoji, count: 0, membershipIds: [] };
        list.push(entry);
      }
      entry.count += 1;
      entry.membershipIds.push(row.membershipId);
      result.set(row.messageId, list);
    }
    return result;
  }
}

export function toDto(
  message: Message,
  author: AuthorDto | null,
  reactions: ReactionDto[] = [],
  viewer: Viewer = { staff: false },
): MessageDto {
  const deleted = message.deletedAt !== null;
  const hidden = deleted || (message.status === 'removed' && !viewer.staff);
  const toldWhy =
    !deleted &&
    message.status === 'removed' &&
    message.removalReason &&
    viewer.userId &&
    viewer.userId === message.authorUserId;
  return {
    id: message.id,
    groupId: message.groupId,
    seq: message.seq,
    status: message.status,
    clientId: message.clientId,
    kind: message.kind,
    author,
    body: hidden ? null : message.body,
    replyToId: message.replyToId,
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt?.toISOString() ?? null,
    deleted,
    reactions: hidden ? [] : reactions,
    ...(toldWhy ? { removalReason: message.removalReason! } : {}),
  };
}
