import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '@hearth/identity';

/** One browser or installed app of one person that accepts Web Push (a `PushSubscription` from the browser). */
@Entity('push_subscriptions')
@Index('IDX_push_subscriptions_user', ['userId'])
export class PushSubscription {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** The push service's address for this browser: unique, and a capability (never shown or logged). */
  @Column({ type: 'varchar', length: 1024, unique: true })
  endpoint!: string;

  /** The browser's P-256 public key and auth secret (RFC 8291), base64url. */
  @Column({ type: 'varchar', length: 128 })
  p256dh!: string;

  @Column({ type: 'varchar', length: 64 })
  auth!: string;

  /** What the person may call this device ("Chrome on Android"), for the device list. */
  @Column({ type: 'varchar', length: 80 })
  label!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  /** When a push service last accepted a notification for it. */
  @Column({ name: 'last_success_at', type: Date, nullable: true })
  lastSuccessAt!: Date | null;
}
