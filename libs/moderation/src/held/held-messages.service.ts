import { coded } from '@hearth/core';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import { MessageReview, RealtimePublisher, rethrowForHttp, type WithinDecision } from '@hearth/chat';
import type { MessageDto } from '@hearth/contracts';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';

const DECISIONS = {
  approved: {
    notice: 'moderation.held_approved',
    text: 'A facilitator approved your message; it is now in the conversation.',
  },
  rejected: { notice: 'moderation.held_rejected', text: 'A facilitator did not approve your message.' },
} as const;

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

  approveHeld(caller: Caller, groupId: string, messageId: string, note?: string): Promise<MessageDto> {
    return this.decide(caller, groupId, messageId, note, 'approved', (within) =>
      this.review.approveHeld(groupId, messageId, within),
    );
  }

  async rejectHeld(caller: Caller, groupId: string, messageId: string, note?: string): Promise<void> {
    await this.decide(caller, groupId, messageId, note, 'rejected', (within) =>
      this.review.rejectHeld(groupId, messageId, within),
    );
  }

  private async decide<T>(
    caller: Caller,
    groupId: string,
    messageId: string,
    note: string | undefined,
    decision: keyof typeof DECISIONS,
    apply: (within: WithinDecision) => Promise<T>,
  ): Promise<T> {
    await this.policy.authorize(caller, groupId, 'manage');
    const found = await this.review.forReview(groupId, messageId);
    if (!found) throw new NotFoundException(coded('MESSAGE_NOT_FOUND', 'Message not found'));
    if (found.message.status !== 'held')
      throw new ConflictException(coded('NOT_AWAITING_REVIEW', 'This message is not waiting for review'));
    const result = await apply((manager) =>
      this.audit.record(
        {
          groupId,
          actorUserId: caller.userId,
          action: `held.${decision}`,
          targetUserId: found.authorUserId,
          targetMessageId: messageId,
          reason: note ?? null,
        },
        manager,
      ),
    ).catch(rethrowForHttp);
    if (found.authorUserId) {
      this.realtime.toPerson(found.authorUserId, 'notice', {
        kind: DECISIONS[decision].notice,
        groupId,
        message: DECISIONS[decision].text,
        reason: note ?? null,
      });
    }
    return result;
  }
}
