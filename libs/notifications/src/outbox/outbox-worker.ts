import { randomUUID } from 'node:crypto';

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThanOrEqual, Not } from 'typeorm';

import { Clock, Transactions } from '@hearth/core';

import { NotificationDeliveredEvent, NotificationEvents } from '../events.js';
import { MAX_ATTEMPTS, retryDelayMs } from './back-off.js';
import { DeliveryChannel, type DeliveryOutcome } from './delivery-channel.js';
import { OutboxItem } from './outbox-item.entity.js';
import { OUTBOX_WRITTEN } from './outbox.service.js';

/** The channels the worker delivers through, keyed by `DeliveryChannel.channel`. */
export const DELIVERY_CHANNELS = Symbol('DELIVERY_CHANNELS');

/** How long a claimed row is this node's to send; a node that dies mid-send lets it go when this passes. */
const LEASE_MS = 60_000;
const BATCH = 20;
const POLL_MS = 1_000;

/**
 * Delivers the outbox. Every node runs one: each claims a batch of due rows (on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so that no two nodes claim the same row), sends them, and records the outcome; a
 * failure is retried with exponential back-off, a permanent refusal is recorded as such.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private readonly node = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
    @Inject(DELIVERY_CHANNELS) private readonly channels: DeliveryChannel[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // On SQLite this process is the only one: a claim it finds was left by a process that died mid-send.
    if (!this.transactions.isPostgres)
      await this.transactions.run((manager) =>
        manager.update(
          OutboxItem,
          { status: 'pending', claimedBy: Not(IsNull()) },
          { claimedBy: null, claimedUntil: null },
        ),
      );
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  @OnEvent(OUTBOX_WRITTEN)
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: Error) => {
        this.logger.warn({ err: { message: error.message } }, 'Outbox delivery round failed');
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Sends everything due now, batch after batch; answers how many rows were attempted. */
  async drain(): Promise<number> {
    let attempted = 0;
    for (;;) {
      if (this.stopped) return attempted;
      const batch = await this.claim();
      if (batch.length === 0) return attempted;
      attempted += batch.length;
      await Promise.all(batch.map((item) => this.deliver(item)));
    }
  }

  /** Waits for the round in progress (if any) and runs one more: for tests and shutdown. */
  async settle(): Promise<void> {
    await this.running?.catch(() => 0);
    await this.drain();
  }

  private async claim(): Promise<OutboxItem[]> {
    const now = this.clock.now();
    // Most polls find nothing: look first without taking SQLite's writer turn or opening a transaction.
    const anyDue = await this.dataSource.manager.existsBy(OutboxItem, {
      status: 'pending',
      nextAttemptAt: LessThanOrEqual(now),
    });
    if (!anyDue) return [];
    return this.transactions.run(async (manager) => {
      const due = manager
        .getRepository(OutboxItem)
        .createQueryBuilder('o')
        .select('o.id', 'id')
        .where('o.status = :pending', { pending: 'pending' })
        .andWhere('o.nextAttemptAt <= :now', { now })
        .andWhere('(o.claimedUntil IS NULL OR o.claimedUntil < :now)', { now })
        .orderBy('o.nextAttemptAt', 'ASC')
        .limit(BATCH);
      if (this.transactions.isPostgres) due.setLock('pessimistic_write').setOnLocked('skip_locked');
      const ids = (await due.getRawMany<{ id: string }>()).map((row) => row.id);
      if (ids.length === 0) return [];
      await manager.update(
        OutboxItem,
        { id: In(ids) },
        { claimedBy: this.node, claimedUntil: new Date(now.getTime() + LEASE_MS) },
      );
      return manager.findBy(OutboxItem, { id: In(ids) });
    });
  }

  private async deliver(item: OutboxItem): Promise<void> {
    const channel = this.channels.find((c) => c.channel === item.channel);
    let outcome: DeliveryOutcome;
    try {
      outcome = channel
        ? await channel.deliver(item, item.parsed())
        : { ok: false, permanent: true, error: `no ${item.channel} channel on this deployment` };
    } catch (error) {
      outcome = { ok: false, permanent: false, error: (error as Error).message };
    }
    const now = this.clock.now();
    const attempts = item.attempts + 1;
    const mine = { id: item.id, claimedBy: this.node };
    const released = { attempts, claimedBy: null, claimedUntil: null };
    if (outcome.ok) {
      await this.transactions.run((m) =>
        m.update(OutboxItem, mine, { ...released, status: 'sent', sentAt: now, lastError: null }),
      );
      this.events.emit(
        NotificationEvents.delivered,
        new NotificationDeliveredEvent(item.userId, item.kind, item.topic, item.channel),
      );
      return;
    }
    const lastError = outcome.error.slice(0, 200);
    const giveUp = outcome.permanent || attempts >= MAX_ATTEMPTS;
    this.logger.warn(
      { outboxId: item.id, channel: item.channel, kind: item.kind, attempts, error: lastError },
      giveUp ? 'Notification not delivered' : 'Notification delivery failed; will retry',
    );
    await this.transactions.run((m) =>
      m.update(OutboxItem, mine, {
        ...released,
        lastError,
        status: outcome.gone ? 'cancelled' : giveUp ? 'failed' : 'pending',
        nextAttemptAt: giveUp
          ? item.nextAttemptAt
          : new Date(now.getTime() + retryDelayMs(item.kind, attempts)),
      }),
    );
  }
}
