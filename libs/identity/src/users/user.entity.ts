import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { Role } from './role.js';

@Entity('users')
export class User {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Stored trimmed and lower-cased; never shown to peers. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 80 })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** Since when the person has a confirmed second factor (null: none); sign-in then asks for it. */
  @Column({ name: 'second_factor_since', type: Date, nullable: true })
  secondFactorSince!: Date | null;

  /** When the person opened a verification link sent to this address (null: not verified). */
  @Column({ name: 'email_verified_at', type: Date, nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ name: 'disabled_at', type: Date, nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
