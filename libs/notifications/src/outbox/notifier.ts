import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { Clock } from '@hearth/core';

import { NotificationPreferencesRow } from '../preferences/notification-preferences.entity.js';
import { quietUntil, withDefaults, type Category, type Preferences } from '../preferences/preferences.js';
import { PushSubscription } from '../push/push-subscription.entity.js';
import { DeliveryChannel } from './delivery-channel.js';
import type { Notice } from './notice.js';
import { OutboxService, type Delivery } from './outbox.service.js';
import { DELIVERY_CHANNELS } from './outbox-worker.js';

export interface Notification {
  /** Names the event (`incident:<id>:r2`); with the person and device it makes the outbox's idempotency key. */
  key: string;
  topic: string;
  category: Category;
  /** Built per person: a lock screen names the group only for those who chose "show group names". */
  compose: (preferences: Preferences) => Notice;
  /** Not sent before this (a digest's window end); quiet hours may hold it longer. */
  notBefore?: Date;
  /** Not worth sending from this instant on (a meeting's start): a person whose quiet hours last past it is
   * not written to. */
  expiresAt?: Date;
}

/**
 * Turns one event into outbox rows: for each person, on each channel they chose for the category (a crisis
 * alert on every channel, always), on each of their devices, held until their quiet hours end (except crises).
 */
@Injectable()
export class Notifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(DELIVERY_CHANNELS) private readonly channels: DeliveryChannel[],
  ) {}

  async notify(userIds: string[], notification: Notification): Promise<number> {
    const people = [...new Set(userIds)];
    if (people.length === 0) return 0;
    const [preferences, devices] = await Promise.all([
      this.preferencesOf(people),
      this.dataSource.manager.find(PushSubscription, {
        where: { userId: In(people) },
        select: { id: true, userId: true },
      }),
    ]);
    const now = this.clock.now();
    const available = new Set(this.channels.filter((c) => c.available).map((c) => c.channel));
    const crisis = notification.category === 'crisis';
    const deliveries: Delivery[] = [];
    for (const userId of people) {
      const chosen = preferences.get(userId) ?? withDefaults(null);
      const wants = crisis ? { push: true, email: true } : chosen.channels[notification.category];
      const notBefore = crisis ? undefined : later(notification.notBefore, quietUntil(now, chosen));
      if (notification.expiresAt && (notBefore ?? now) >= notification.expiresAt) continue;
      const notice = notification.compose(chosen);
      const base = {
        key: `${notification.key}:${userId}`,
        userId,
        topic: notification.topic,
        notice,
        notBefore,
      };
      if (wants.push && available.has('push'))
        for (const device of devices.filter((d) => d.userId === userId))
          deliveries.push({ ...base, channel: 'push', subscriptionId: device.id });
      if (wants.email && available.has('email'))
        deliveries.push({ ...base, channel: 'email', subscriptionId: null });
    }
    return this.outbox.enqueue(deliveries);
  }

  /** Each person's preferences, for those who changed any (the others have the defaults). */
  async preferencesOf(userIds: string[]): Promise<Map<string, Preferences>> {
    const rows = await this.dataSource.manager.findBy(NotificationPreferencesRow, { userId: In(userIds) });
    return new Map(
      rows.map((row) => [row.userId, withDefaults(JSON.parse(row.settings) as Partial<Preferences>)]),
    );
  }
}

function later(a: Date | undefined, b: Date | null): Date | undefined {
  if (!a) return b ?? undefined;
  return b && b > a ? b : a;
}
