import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import { MessagesService } from '@hearth/chat';
import type { MessageDto } from '@hearth/contracts';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';
import { SafetyNotifier } from '../safety-notifier.js';

/** A facilitator removes a message: members see a tombstone, the author is told why. */
@Injectable()
export class RemovalsService {
  constructor(
    private readonly policy: GroupPolicy,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
    private readonly notifier: SafetyNotifier,
  ) {}

  async removeMessage(
    caller: Caller,
    groupId: string,
    messageId: string,
    reason?: string,
  ): Promise<MessageDto> {
    await this.policy.authorize(caller, groupId, 'manage');
    const found = await this.messages.forReview(groupId, messageId);
    if (!found) throw new NotFoundException('Message not found');
    const tombstone = await this.messages.removeByFacilitator(groupId, messageId, caller.userId);
    if (!tombstone) throw new ConflictException('This message is already gone');
    await this.audit.record({
      groupId,
      actorUserId: caller.userId,
      action: 'message.removed',
      targetUserId: found.authorUserId,
      targetMessageId: messageId,
      reason: reason ?? null,
    });
    this.notifier.toRoom(groupId, 'message:updated', tombstone);
    this.notifier.toRoom(groupId, 'moderation:event', {
      groupId,
      kind: 'message.removed',
      text: 'A facilitator removed a message.',
      messageId,
    });
    if (found.authorUserId) {
      this.notifier.toUser(found.authorUserId, 'notice', {
        kind: 'moderation.message_removed',
        groupId,
        message: 'A facilitator removed one of your messages.',
        reason: reason ?? null,
      });
    }
    return tombstone;
  }
}
