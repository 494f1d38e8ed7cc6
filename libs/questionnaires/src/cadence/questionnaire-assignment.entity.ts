import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '@hearth/groups';

import type { InstrumentId } from '../instruments/instrument.js';

/**
 * A group asks its members to complete an instrument every `everyDays` days, as its agreement states. Ending it
 * keeps the row (answers given for it name the group) and takes it out of the agreement.
 */
@Entity('questionnaire_assignments')
@Index('IDX_questionnaire_assignments_group', ['groupId'])
export class QuestionnaireAssignment {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ type: 'varchar', length: 8 })
  instrument!: InstrumentId;

  @Column({ name: 'every_days', type: 'integer' })
  everyDays!: number;

  @Column({ name: 'starts_at', type: Date })
  startsAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'ended_at', type: Date, nullable: true })
  endedAt!: Date | null;
}
