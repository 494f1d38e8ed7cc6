import { User } from '@hearth/identity';

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '../groups/group.entity.js';

export const GROUP_ROLES = ['facilitator', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const MEMBERSHIP_STATUSES = ['pending', 'active', 'left', 'removed', 'banned'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export type MembershipEndReason = 'left' | 'removed' | 'banned';

/**
 * One person's place in one group, kept across leaving and rejoining. `pending` until they accept the
 * group's agreement; `active` after. Peers know them only by their pseudonym.
 */
@Entity('memberships')
@Index('UQ_memberships_group_user', ['groupId', 'userId'], { unique: true })
@Index('UQ_memberships_group_pseudonym', ['groupId', 'pseudonymKey'], { unique: true })
export class Membership {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Index('IDX_memberships_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: GroupRole;

  @Column({ type: 'varchar', length: 16 })
  status!: MembershipStatus;

  /** The name peers see in this group; null only for someone banned before ever joining. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  pseudonym!: string | null;

  /** The pseudonym folded for uniqueness (case- and accent-insensitive). */
  @Column({ name: 'pseudonym_key', type: 'varchar', length: 64, nullable: true })
  pseudonymKey!: string | null;

  @Column({ name: 'agreement_version', type: 'integer', nullable: true })
  agreementVersion!: number | null;

  @Column({ name: 'agreement_accepted_at', type: Date, nullable: true })
  agreementAcceptedAt!: Date | null;

  @Column({ name: 'joined_at', type: Date, nullable: true })
  joinedAt!: Date | null;

  @Column({ name: 'ended_at', type: Date, nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'ended_reason', type: 'varchar', length: 16, nullable: true })
  endedReason!: MembershipEndReason | null;

  /** What the facilitator told the member when removing or banning them. */
  @Column({ name: 'ended_note', type: 'text', nullable: true })
  endedNote!: string | null;

  @Column({ name: 'ended_by', type: 'uuid', nullable: true })
  endedBy!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
