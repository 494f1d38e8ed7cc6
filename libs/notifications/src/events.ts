import type { NoticeKind } from './outbox/notice.js';
import type { OutboxChannel } from './outbox/outbox-item.entity.js';

/** Facts of the notifications library: emitted after the outcome is recorded, on the node that sent it. */
export const NotificationEvents = {
  delivered: 'notification.delivered',
} as const;

/** A push service or the mail server accepted a notification for a person. */
export class NotificationDeliveredEvent {
  constructor(
    readonly userId: string,
    readonly kind: NoticeKind,
    readonly topic: string,
    readonly channel: OutboxChannel,
  ) {}
}
