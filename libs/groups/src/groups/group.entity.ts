import { Column, Entity, PrimaryColumn } from 'typeorm';

export const GROUP_KINDS = ['circle', 'cohort'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_VISIBILITIES = ['listed', 'unlisted'] as const;
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];
export type GroupStatus = 'active' | 'archived';

/** An integration group: a circle that goes on, or a cohort that ends on a date. */
@Entity('groups')
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
}
