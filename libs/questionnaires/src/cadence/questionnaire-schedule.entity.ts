import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '@hearth/identity';

import type { InstrumentId } from '../instruments/instrument.js';

/** A member's own rhythm for one instrument: every `everyDays` days from `startsAt`. */
@Entity('questionnaire_schedules')
export class QuestionnaireSchedule {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  instrument!: InstrumentId;

  @Column({ name: 'every_days', type: 'integer' })
  everyDays!: number;

  @Column({ name: 'starts_at', type: Date })
  startsAt!: Date;
}
