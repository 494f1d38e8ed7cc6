import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '../groups/group.entity.js';

export type Recurrence = 'weekly';

/** A group meeting: one-off, or weekly at the same local time in the group's time zone until an end. */
@Entity('meetings')
export class Meeting {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('IDX_meetings_group')
  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ type: 'varchar', length: 120 })
  title!: string;

  /** The first occurrence, in UTC. */
  @Column({ name: 'starts_at', type: Date })
  startsAt!: Date;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  /** Sealed with the group's key, like the video link (GroupKeys). */
  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Column({ name: 'video_url', type: 'text', nullable: true })
  videoUrl!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  recurrence!: Recurrence | null;

  /** No occurrence starts after this instant. */
  @Column({ name: 'recurrence_ends_at', type: Date, nullable: true })
  recurrenceEndsAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
