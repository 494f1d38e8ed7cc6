import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '@hearth/groups';

/** How far a person has read in a group's timeline; unread counts start after it. */
@Entity('read_markers')
export class ReadMarker {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
