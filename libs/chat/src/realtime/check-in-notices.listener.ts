import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

import { CheckInChangedEvent, GroupEvents } from '@hearth/groups';

import { RealtimePublisher } from './realtime-publisher.js';

/**
 * The other side of a new check-in learns of it while Hearth is open: the member when a facilitator opens one with
 * her, the group's facilitators when she asks for one. Their screens show it without a reload (the notification
 * of docs/notifications.md reaches them only when no screen is open). Never a word of what is said in it.
 */
@Injectable()
export class CheckInNoticesListener {
  constructor(private readonly realtime: RealtimePublisher) {}

  @OnEvent(GroupEvents.checkInOpened)
  onOpened(event: CheckInChangedEvent): void {
    const notice = { kind: 'checkIn.opened', groupId: event.groupId, checkInId: event.checkInId } as const;
    if (event.by === event.userId) {
      this.realtime.toFacilitators(event.groupId, 'notice', {
        ...notice,
        message: 'A member of this group asked to talk with a facilitator privately.',
      });
    } else {
      this.realtime.toPerson(event.userId, 'notice', {
        ...notice,
        message: 'A facilitator opened a private conversation with you.',
      });
    }
  }
}
