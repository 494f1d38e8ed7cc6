import { coded } from '@hearth/core';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import { MessageReview, RealtimePublisher, rethrowForHttp } from '@hearth/chat';
import type { MessageDto } from '@hearth/contracts';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';

/**
 * A facilitator removes a message: members see a tombstone (chat announces it), the room is told neutrally and
 * the author is told why. The audit row is written in the removal's own transaction.
 */
@Injectable()
export class RemovalsService {
  constructor(
    private readonly policy: GroupPolicy,
    private readonly review: MessageReview,
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
  ) {}

  async removeMessage(
    caller: Caller,
    groupId: string,
    messageId: string,
    reason?: string,
  ): Promise<MessageDto> {
    await this.policy.authorize(caller, groupId, 'manage');
    const found = await this.review.forReview(groupId, messageId);
    if (!found) throw new NotFoundException(coded('MESSAGE_NOT_FOUND', 'Message not found'));
    const tombstone = await this.review
      .remove(groupId, messageId, caller.userId, reason ?? null, (manager) =>
        this.audit.record(
          {
            groupId,
            actorUserId: caller.userId,
            action: 'message.removed',
            targetUserId: found.authorUserId,
            targetMessageId: messageId,
            reason: reason ?? null,
          },
          manager,
        ),
      )
      .catch(rethrowForHttp);
    if (!tombstone) throw new ConflictException(coded('MESSAGE_GONE', 'This message is already gone'));
    this.realtime.toGroup(groupId, 'moderation:event', {
      groupId,
      kind: 'message.removed',
      text: 'A facilitator removed a message.',
      messageId,
    });
    if (found.authorUserId) {
      this.realtime.toPerson(found.authorUserId, 'notice', {
        kind: 'moderation.message_removed',
        groupId,
        message: 'A facilitator removed one of your messages.',
        reason: reason ?? null,
      });
    }
    return tombstone;
  }
}
