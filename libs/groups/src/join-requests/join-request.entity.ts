import { User } from '@hearth/identity';

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '../groups/group.entity.js';

export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

/** Someone asking a facilitator to let them into a listed group. At most one pending per person and group. */
@Entity('join_requests')
@Index('IDX_join_requests_group_status', ['groupId', 'status'])
@Index('UQ_join_requests_pending', ['groupId', 'userId'], { unique: true, where: "status = 'pending'" })
export class JoinRequest {
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

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The pseudonym the applicant will use in the group. */
  @Column({ type: 'varchar', length: 32 })
  pseudonym!: string;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: JoinRequestStatus;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: Date, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;
}
