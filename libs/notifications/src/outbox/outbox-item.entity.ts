import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '@hearth/identity';

import { PushSubscription } from '../push/push-subscription.entity.js';

import type { Notice, NoticeKind } from './notice.js';

export type OutboxChannel = 'push' | 'email';
/**
 * `pending` until a node sends it (again after a failure, at `next_attempt_at`); `sent` once a push service or
 * the SMTP server accepted it; `failed` after the last attempt or a permanent refusal; `cancelled` when it no
 * longer matters (the incident was acknowledged) or its device is gone.
 */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

/**
 * One notification to one person on one channel (and, for push, one device). Its `key` names the event, the
 * person and the device, so writing it twice writes it once, and a device never gets one event twice.
 */
@Entity('notification_outbox')
@Index('IDX_notification_outbox_due', ['status', 'nextAttemptAt'])
@Index('IDX_notification_outbox_topic', ['topic'])
export class OutboxItem {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  key!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  channel!: OutboxChannel;

  /** For push: the subscription; for email the address is read when sending, never copied here. */
  @Column({ name: 'subscription_id', type: 'uuid', nullable: true })
  subscriptionId!: string | null;

  /** A device that is gone leaves its outcome on record. */
  @ManyToOne(() => PushSubscription, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: Relation<PushSubscription>;

  @Column({ type: 'varchar', length: 32 })
  kind!: NoticeKind;

  /** What it is about (`incident:<id>`): acknowledging an incident cancels what is still pending for it. */
  @Column({ type: 'varchar', length: 80 })
  topic!: string;

  /** The content-free notice (title, body, link), as JSON. */
  @Column({ type: 'text' })
  notice!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: Date })
  nextAttemptAt!: Date;

  /** While a node sends it, until when the row is its own; a node that died lets it go when this passes. */
  @Column({ name: 'claimed_until', type: Date, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'claimed_by', type: 'varchar', length: 64, nullable: true })
  claimedBy!: string | null;

  /** The last failure, as the service answered it (a status code and a short reason; never content). */
  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt!: Date | null;

  parsed(): Notice {
    return JSON.parse(this.notice) as Notice;
  }
}
