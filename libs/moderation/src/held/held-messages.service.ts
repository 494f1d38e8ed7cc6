import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import { MessageReview, RealtimePublisher, rethrowForHttp } from '@hearth/chat';
import type { MessageDto } from '@hearth/contracts';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';

/**
 * Messages the pipeline held for review: a facilitator posts them (chat announces the message) or turns them
 * down, and the author is told. Each decision and its audit row are one transaction.
 */
@Injectable()
export class HeldMessagesService {
  constructor(
    private readonly policy: GroupPolicy,
    private readonly review: MessageReview,
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
  ) {}

  async approveHeld(caller: Caller, groupId: string, messageId: string, note?: string): Promise<MessageDto> {
    await this.policy.authorize(caller, groupId, 'manage');
    const found = await this.review.forReview(groupId, messageId);
    if (!found) throw new NotFoundException('Message not found');
    if (found.message.status !== 'held')
      throw new ConflictException('This message is not waiting for review');
    const message = await this.review
      .approveHeld(groupId, messageId, (manager) =>
        this.audit.record(
          {
            groupId,
            actorUserId: caller.userId,
            action: 'held.approved',
            targetUserId: found.authorUserId,
            targetMessageId: messageId,
            reason: note ?? null,
          },
          manager,
        ),
      )
      .catch(rethrowForHttp);
    if (found.authorUserId) {
      this.realtime.toPerson(found.authorUserId, 'notice', {
        kind: 'moderation.held_approved',
        groupId,
        message: 'A facilitator approved your message; it is now in the conversation.',
        reason: note ?? null,
      });
    }
    return message;
  }

  async rejectHeld(caller: Caller, groupId: string, messageId: string, note?: string): Promise<void> {
    await this.policy.authorize(caller, groupId, 'manage');
    const found = await this.review.forReview(groupId, messageId);
    if (!found) throw new NotFoundException('Message not found');
    if (found.message.status !== 'held')
      throw new ConflictException('This message is not waiting for review');
    await this.review
      .rejectHeld(groupId, messageId, (manager) =>
        this.audit.record(
          {
            groupId,
            actorUserId: caller.userId,
            action: 'held.rejected',
            targetUserId: found.authorUserId,
            targetMessageId: messageId,
            reason: note ?? null,
          },
          manager,
        ),
      )
      .catch(rethrowForHttp);
    if (found.authorUserId) {
      this.realtime.toPerson(found.authorUserId, 'notice', {
        kind: 'moderation.held_rejected',
        groupId,
        message: 'A facilitator did not approve your message.',
        reason: note ?? null,
      });
    }
  }
}
