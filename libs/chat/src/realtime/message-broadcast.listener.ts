import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

import { ChatEvents, MessageEditedEvent, MessagePostedEvent, MessageRemovedEvent } from '../events.js';
import { RealtimePublisher } from './realtime-publisher.js';

/**
 * The sockets' side of the message events: everyone in the group's conversation sees a message arrive, change
 * or go. The connection a change came through already has it in its ack and is not told again.
 */
@Injectable()
export class MessageBroadcastListener {
  constructor(private readonly realtime: RealtimePublisher) {}

  @OnEvent(ChatEvents.messagePosted)
  onPosted(event: MessagePostedEvent): void {
    this.realtime.toGroupExcept(event.groupId, event.originSocketId, 'message:new', event.message);
  }

  @OnEvent(ChatEvents.messageEdited)
  onEdited(event: MessageEditedEvent): void {
    this.realtime.toGroupExcept(event.groupId, event.originSocketId, 'message:updated', event.message);
  }

  @OnEvent(ChatEvents.messageRemoved)
  onRemoved(event: MessageRemovedEvent): void {
    if (event.seq === null) return;
    // A facilitator's removal leaves a tombstone that says so; the others read as deleted. Its author's copy says
    // why, and only hers.
    if (event.cause === 'facilitator' && event.tombstone && event.authorUserId && event.authorsTombstone) {
      this.realtime.toGroupExceptPerson(
        event.groupId,
        event.authorUserId,
        'message:updated',
        event.tombstone,
      );
      this.realtime.toPerson(event.authorUserId, 'message:updated', event.authorsTombstone);
    } else if (event.cause === 'facilitator' && event.tombstone) {
      this.realtime.toGroupExcept(event.groupId, event.originSocketId, 'message:updated', event.tombstone);
    } else {
      this.realtime.toGroupExcept(event.groupId, event.originSocketId, 'message:deleted', {
        groupId: event.groupId,
        messageId: event.messageId,
        seq: event.seq,
      });
    }
  }
}
