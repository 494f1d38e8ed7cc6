import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '@hearth/groups';
import type { CrisisResourceDto } from '@hearth/contracts';

export type RoomMode = 'open' | 'read_only' | 'slow';

/** How a group's room is run: its mode, holds for newcomers, and its own crisis resources if any. */
@Entity('room_settings')
export class RoomSettings {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @OneToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ type: 'varchar', length: 16 })
  mode!: RoomMode;

  @Column({ name: 'slow_seconds', type: 'integer', nullable: true })
  slowSeconds!: number | null;

  /** Messages of members who joined less than this many days ago wait for review; null: off. */
  @Column({ name: 'premoderate_days', type: 'integer', nullable: true })
  premoderateDays!: number | null;

  /** Links from members who joined less than this many days ago wait for review. */
  @Column({ name: 'new_member_link_days', type: 'integer' })
  newMemberLinkDays!: number;

  @Column({ name: 'crisis_country', type: 'varchar', length: 2, nullable: true })
  crisisCountry!: string | null;

  @Column({ name: 'crisis_resources', type: 'simple-json', nullable: true })
  crisisResources!: CrisisResourceDto[] | null;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
