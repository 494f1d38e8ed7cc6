import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '../users/user.entity.js';

export const SECOND_FACTOR_KINDS = ['totp', 'passkey'] as const;
export type SecondFactorKind = (typeof SECOND_FACTOR_KINDS)[number];

/**
 * A way for a person to prove it is them after the password: an authenticator app (TOTP) or a passkey. A TOTP
 * secret is sealed with a key derived from the master key and bound to this row; a passkey stores only its
 * public key. A TOTP factor counts once it is confirmed with a first code.
 */
@Entity('second_factors')
export class SecondFactor {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('IDX_second_factors_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  kind!: SecondFactorKind;

  @Column({ type: 'varchar', length: 80 })
  label!: string;

  /** TOTP only: the sealed base32 secret. */
  @Column({ name: 'sealed_secret', type: 'text', nullable: true })
  sealedSecret!: string | null;

  /** TOTP only: the last time step accepted, so a code is good once. */
  @Column({ name: 'last_time_step', type: 'integer', nullable: true })
  lastTimeStep!: number | null;

  /** Passkey only: the credential id (base64url). */
  @Column({ name: 'credential_id', type: 'varchar', length: 1024, nullable: true, unique: true })
  credentialId!: string | null;

  /** Passkey only: the COSE public key (base64url). */
  @Column({ name: 'public_key', type: 'text', nullable: true })
  publicKey!: string | null;

  @Column({ name: 'sign_count', type: 'integer', default: 0 })
  signCount!: number;

  /** Passkey only: how the authenticator can be reached (usb, internal, hybrid…), comma-separated. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  transports!: string | null;

  @Column({ name: 'confirmed_at', type: Date, nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: Date, nullable: true })
  lastUsedAt!: Date | null;
}
