import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '@hearth/groups';

/** A prompt a facilitator added for their group's members. */
@Entity('group_prompts')
@Index('IDX_group_prompts_group', ['groupId'])
export class GroupPrompt {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'days_after_session', type: 'integer', nullable: true })
  daysAfterSession!: number | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
