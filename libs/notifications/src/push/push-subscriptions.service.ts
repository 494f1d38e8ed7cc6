import { randomUUID } from 'node:crypto';

import { Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import type { PushSubscriptionDto } from '@hearth/contracts';
import { Clock, Transactions, ValidationFailedException, type HearthConfig, coded } from '@hearth/core';
import type { Caller } from '@hearth/identity';

import { OutboxItem } from '../outbox/outbox-item.entity.js';
import type { PushSubscriptionBody } from './dto/push-subscription.dto.js';
import { PushSubscriptionView } from './dto/push-subscription.view.js';
import { PushSubscription } from './push-subscription.entity.js';

/** A person keeps at most this many devices; subscribing one more lets the longest-silent one go. */
export const MAX_DEVICES = 10;

/** Each person's devices that receive Web Push. */
@Injectable()
export class PushSubscriptionsService {
  private readonly serviceHosts: string[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    config: ConfigService<HearthConfig, true>,
  ) {
    this.serviceHosts = config.get('push', { infer: true }).serviceHosts;
  }

  async list(caller: Caller): Promise<PushSubscriptionDto[]> {
    const rows = await this.dataSource.manager.find(PushSubscription, {
      where: { userId: caller.userId },
      order: { createdAt: 'ASC' },
    });
    return rows.map((row) => PushSubscriptionView.of(row));
  }

  /**
   * Keeps this browser's subscription for the caller. A browser has one endpoint: subscribing it again updates
   * it, and if someone else had it (a shared computer), it is the caller's now and nothing of theirs is sent to it.
   */
  async subscribe(caller: Caller, body: PushSubscriptionBody): Promise<PushSubscriptionDto> {
    this.assertKnownService(body.endpoint);
    const now = this.clock.now();
    const row = await this.transactions.run(async (manager) => {
      const existing = await manager.findOneBy(PushSubscription, { endpoint: body.endpoint });
      if (existing && existing.userId !== caller.userId)
        await manager.delete(OutboxItem, { subscriptionId: existing.id, status: 'pending' });
      const subscription = manager.create(PushSubscription, {
        id: existing?.id ?? randomUUID(),
        userId: caller.userId,
        endpoint: body.endpoint,
        p256dh: body.keys.p256dh.replace(/=+$/, ''),
        auth: body.keys.auth.replace(/=+$/, ''),
        label: body.label?.trim() || existing?.label || 'This device',
        createdAt: existing?.createdAt ?? now,
        lastSuccessAt: existing?.userId === caller.userId ? existing.lastSuccessAt : null,
      });
      await manager.save(subscription);
      const mine = await manager.find(PushSubscription, {
        where: { userId: caller.userId },
        order: { createdAt: 'DESC' },
      });
      const surplus = mine.filter((s) => s.id !== subscription.id).slice(MAX_DEVICES - 1);
      if (surplus.length > 0) await manager.delete(PushSubscription, { id: In(surplus.map((s) => s.id)) });
      return subscription;
    });
    return PushSubscriptionView.of(row);
  }

  async remove(caller: Caller, id: string): Promise<void> {
    const result = await this.transactions.run((manager) =>
      manager.delete(PushSubscription, { id, userId: caller.userId }),
    );
    if (!result.affected) throw new NotFoundException(coded('DEVICE_NOT_FOUND', 'Device not found'));
  }

  private assertKnownService(endpoint: string): void {
    const { host, hostname } = new URL(endpoint);
    const known = this.serviceHosts.some((allowed) =>
      allowed.startsWith('.')
        ? hostname.endsWith(allowed) || host.endsWith(allowed)
        : allowed === hostname || allowed === host,
    );
    if (!known)
      throw new ValidationFailedException([
        { field: 'endpoint', message: 'endpoint must be an address of a push service this Hearth sends to' },
      ]);
  }
}
