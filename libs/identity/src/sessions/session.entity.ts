import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '../users/user.entity.js';

export type SessionRevokedReason =
  | 'logout'
  | 'reuse'
  | 'password_changed'
  | 'disabled'
  | 'expired'
  | 'second_factor_enabled'
  | 'second_factor_reset'
  | 'not_me'
  | 'password_reset';

/** A signed-in device: one refresh-token family. Access tokens name their session, so revoking it ends them too. */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('IDX_sessions_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: Date })
  lastUsedAt!: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 32, nullable: true })
  revokedReason!: SessionRevokedReason | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;

  /** When its owner said "this wasn't me" (which also ended it, if it was still live). */
  @Column({ name: 'disowned_at', type: Date, nullable: true })
  disownedAt!: Date | null;
}
