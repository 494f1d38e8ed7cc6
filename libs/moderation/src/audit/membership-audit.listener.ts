import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

import { RealtimePublisher } from '@hearth/chat';
import { GroupEvents, MembershipEndedEvent } from '@hearth/groups';

import { AuditService } from './audit.service.js';

const ROOM_TEXT = {
  left: 'A member left the group.',
  removed: 'A facilitator removed a member from the group.',
  banned: 'A facilitator removed a member from the group.',
} as const;

/** Removals and bans happen in the groups library; they are audited and shown neutrally to the room here. */
@Injectable()
export class MembershipAuditListener {
  constructor(
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
  ) {}

  @OnEvent(GroupEvents.membershipEnded)
  async onMembershipEnded(event: MembershipEndedEvent): Promise<void> {
    if (event.reason !== 'left') {
      await this.audit.record({
        groupId: event.groupId,
        actorUserId: event.by,
        action: event.reason === 'banned' ? 'member.banned' : 'member.removed',
        targetUserId: event.userId,
        reason: event.note,
      });
    }
    this.realtime.toGroup(event.groupId, 'moderation:event', {
      groupId: event.groupId,
      kind: event.reason === 'left' ? 'member.left' : 'member.removed',
      text: ROOM_TEXT[event.reason],
    });
  }
}
