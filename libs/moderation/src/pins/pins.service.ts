import { Injectable, NotFoundException } from '@nestjs/common';

import { Clock, Transactions, coded } from '@hearth/core';
import { MessageReview, RealtimePublisher } from '@hearth/chat';
import type { MessageDto } from '@hearth/contracts';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';

import { Pin } from './pin.entity.js';

/** Messages a facilitator pins for the room to find again. */
@Injectable()
export class PinsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly policy: GroupPolicy,
    private readonly review: MessageReview,
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  async pin(caller: Caller, groupId: string, messageId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const found = await this.review.forReview(groupId, messageId);
      if (!found || found.message.status !== 'visible' || found.message.deleted)
        throw new NotFoundException(coded('MESSAGE_NOT_FOUND', 'Message not found'));
      if (await manager.findOneBy(Pin, { messageId })) return;
      await manager.insert(Pin, { messageId, groupId, pinnedBy: caller.userId, pinnedAt: this.clock.now() });
      await this.audit.record(
        { groupId, actorUserId: caller.userId, action: 'message.pinned', targetMessageId: messageId },
        manager,
      );
    });
    this.realtime.toGroup(groupId, 'moderation:event', {
      groupId,
      kind: 'pins.changed',
      text: 'A message was pinned.',
      messageId,
    });
  }

  async unpin(caller: Caller, groupId: string, messageId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const result = await manager.delete(Pin, { messageId, groupId });
      if (!result.affected) throw new NotFoundException(coded('NOT_PINNED', 'This message is not pinned'));
      await this.audit.record(
        { groupId, actorUserId: caller.userId, action: 'message.unpinned', targetMessageId: messageId },
        manager,
      );
    });
    this.realtime.toGroup(groupId, 'moderation:event', {
      groupId,
      kind: 'pins.changed',
      text: 'A message was unpinned.',
      messageId,
    });
  }

  /** Pinned messages, newest pin first, as the caller may see them. */
  async pins(caller: Caller, groupId: string): Promise<MessageDto[]> {
    await this.policy.authorize(caller, groupId, 'read');
    const pins = await this.transactions.run((manager) =>
      manager.find(Pin, { where: { groupId }, order: { pinnedAt: 'DESC' } }),
    );
    const found = await Promise.all(pins.map((pin) => this.review.forReview(groupId, pin.messageId)));
    return found
      .filter(
        (f): f is NonNullable<typeof f> => f !== null && f.message.status === 'visible' && !f.message.deleted,
      )
      .map((f) => f.message);
  }
}
