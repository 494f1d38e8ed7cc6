import { Injectable } from '@nestjs/common';

import { effectiveGroupRole, GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { ChatError, rethrowForHttp } from '../chat-error.js';
import { MessagesService } from '../messages/messages.service.js';

/**
 * What the journal may do in a group's conversation: post a member's reflection as her message, and take it
 * back. Chat owns this interface (journal depends on chat, never the other way) and answers HTTP errors, since
 * sharing is an HTTP request: the posting rule's 403 or 409, and the message pipeline's refusals (a mute, a
 * blocked term, a rate limit) with their status.
 */
export abstract class GroupReflections {
  /** Posts the text as the caller's reflection, once per `shareId`; answers the message's id. */
  abstract post(
    caller: Caller,
    groupId: string,
    share: { shareId: string; text: string },
  ): Promise<{ messageId: string }>;

  /** Takes a posted reflection down; the group sees a tombstone where it was. Already gone is fine. */
  abstract withdraw(caller: Caller, groupId: string, messageId: string): Promise<void>;
}

@Injectable()
export class ChatGroupReflections extends GroupReflections {
  constructor(
    private readonly policy: GroupPolicy,
    private readonly messages: MessagesService,
  ) {
    super();
  }

  async post(
    caller: Caller,
    groupId: string,
    share: { shareId: string; text: string },
  ): Promise<{ messageId: string }> {
    const { membership } = await this.policy.authorizePosting(caller, groupId);
    const speaker = {
      userId: caller.userId,
      groupId,
      membershipId: membership.id,
      pseudonym: membership.pseudonym,
      role: effectiveGroupRole(membership.role, caller.role),
      joinedAt: membership.joinedAt,
    };
    const { message } = await this.messages
      .send(speaker, { clientId: share.shareId, body: share.text, kind: 'reflection' })
      .catch(rethrowForHttp);
    return { messageId: message.id };
  }

  async withdraw(caller: Caller, groupId: string, messageId: string): Promise<void> {
    await this.messages
      .delete({ userId: caller.userId, groupId }, messageId, { cause: 'share_withdrawn' })
      .catch((error: unknown) => {
        if (!(error instanceof ChatError && error.code === 'NOT_FOUND')) throw error;
      });
  }
}
