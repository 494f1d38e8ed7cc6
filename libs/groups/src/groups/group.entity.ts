import { User } from '@hearth/identity';

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

/** The kinds of group a facilitator creates. */
export const GROUP_KINDS = ['circle', 'cohort'] as const;
/** A check-in is a private conversation of a group's facilitators with one member (docs/check-ins.md). */
export const CHECK_IN_KIND = 'check_in';
export type GroupKind = (typeof GROUP_KINDS)[number] | typeof CHECK_IN_KIND;
export const GROUP_VISIBILITIES = ['listed', 'unlisted'] as const;
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];
export type GroupStatus = 'active' | 'archived';

/** An integration group: a circle that goes on, or a cohort that ends on a date. */
@Entity('groups')
@Index('UQ_groups_check_in_open', ['openCheckInKey'], { unique: true })
export class Group {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: GroupKind;

  /** The last day of a cohort (YYYY-MM-DD, in the group's timezone); null for circles. */
  @Column({ name: 'ends_on', type: 'varchar', length: 10, nullable: true })
  endsOn!: string | null;

  @Column({ type: 'varchar', length: 16 })
  visibility!: GroupVisibility;

  /** Seats for members; facilitators do not take seats. */
  @Column({ type: 'integer' })
  capacity!: number;

  /** Members holding a seat (pending or active). Changed only by conditional updates, so it never overbooks. */
  @Column({ name: 'seats_taken', type: 'integer' })
  seatsTaken!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: GroupStatus;

  /** IANA time zone the group meets in, e.g. Europe/Berlin. */
  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  /** The version of the agreement members must have accepted to post. */
  @Column({ name: 'agreement_version', type: 'integer' })
  agreementVersion!: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  @Column({ name: 'archived_at', type: Date, nullable: true })
  archivedAt!: Date | null;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_group_id' })
  parentGroup?: Relation<Group>;

  /** A check-in's group: whose facilitators take part in it. Null for other groups. */
  @Index('IDX_groups_parent')
  @Column({ name: 'parent_group_id', type: 'uuid', nullable: true })
  parentGroupId!: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_user_id' })
  subjectUser?: Relation<User>;

  /** A check-in's member. Null for other groups. */
  @Index('IDX_groups_subject')
  @Column({ name: 'subject_user_id', type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  /**
   * `<parent>:<member>` while a check-in is open, null once closed: the unique index keeps one open check-in per
   * member and group, even for two requests at once.
   */
  @Column({ name: 'open_check_in_key', type: 'varchar', length: 80, nullable: true })
  openCheckInKey!: string | null;

  /** When an incident in this check-in was escalated: from then on admins may read it (each read logged). */
  @Column({ name: 'escalated_at', type: Date, nullable: true })
  escalatedAt!: Date | null;
}
