import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '../users/user.entity.js';

export type AccountTokenPurpose = 'password_reset' | 'email_verification';

/**
 * A one-time link sent to a person (or handed to them by an admin): only its SHA-256 is stored. Part of the
 * person's data for erasure (it goes with the account) and never exported.
 */
@Entity('account_tokens')
@Index('IDX_account_tokens_user', ['userId', 'purpose'])
export class AccountToken {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 32 })
  purpose!: AccountTokenPurpose;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  /** The admin who created the link; null when it was emailed. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: Date, nullable: true })
  usedAt!: Date | null;
}
