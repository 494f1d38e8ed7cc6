import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { In } from 'typeorm';

import { Clock, Transactions } from '@hearth/core';

import type { Notice } from './notice.js';
import { OutboxItem, type OutboxChannel } from './outbox-item.entity.js';

/** One delivery to write: to a person, on a channel (and device), for an event named by `key`. */
export interface Delivery {
  /** Names the event and the person; the channel and device are added here. */
  key: string;
  userId: string;
  channel: OutboxChannel;
  subscriptionId: string | null;
  topic: string;
  notice: Notice;
  /** Not before (quiet hours); now when absent. */
  notBefore?: Date;
}

/** Emitted (in-process) when rows were written, so the worker sends them now rather than at its next poll. */
export const OUTBOX_WRITTEN = 'notifications.outbox_written';

/** Writes notifications to the outbox, once per key, and cancels what is still pending about a topic. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  /** Writes each delivery unless one with its key exists already; answers how many were new. */
  async enqueue(deliveries: Delivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    const now = this.clock.now();
    const rows = deliveries.map((d) => ({
      id: randomUUID(),
      key: `${d.key}:${d.channel}:${d.subscriptionId ?? d.userId}`.slice(0, 200),
      userId: d.userId,
      channel: d.channel,
      subscriptionId: d.subscriptionId,
      kind: d.notice.kind,
      topic: d.topic,
      notice: JSON.stringify(d.notice),
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: d.notBefore ?? now,
      claimedUntil: null,
      claimedBy: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    }));
    const written = await this.transactions.run(async (manager) => {
      const existing = await manager.find(OutboxItem, {
        where: { key: In(rows.map((row) => row.key)) },
        select: { key: true },
      });
      const known = new Set(existing.map((row) => row.key));
      const fresh = rows.filter((row) => !known.has(row.key));
      if (fresh.length > 0)
        await manager.createQueryBuilder().insert().into(OutboxItem).values(fresh).orIgnore().execute();
      return fresh.length;
    });
    if (written > 0) this.events.emit(OUTBOX_WRITTEN);
    return written;
  }

  /** Cancels whatever is still pending about a topic (an acknowledged incident's repeats). */
  async cancel(topic: string): Promise<void> {
    await this.transactions.run((manager) =>
      manager.update(
        OutboxItem,
        { topic, status: 'pending' },
        { status: 'cancelled', claimedBy: null, claimedUntil: null },
      ),
    );
  }
}
