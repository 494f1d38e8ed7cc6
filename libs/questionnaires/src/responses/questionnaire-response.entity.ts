import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '@hearth/groups';
import { User } from '@hearth/identity';

import type { InstrumentId } from '../instruments/instrument.js';

/**
 * One completed questionnaire. The answers and what follows from them (score, band, the self-harm answer) are
 * sealed with the member's own key, bound to this row, like a journal entry; what stays readable is which
 * instrument, when, in which language, whether a group asked for it, and the incident it opened, if any (which
 * shows that its self-harm answer was above zero, as the incident does to the facilitators it was opened for).
 */
@Entity('questionnaire_responses')
@Index('IDX_questionnaire_responses_user', ['userId', 'completedAt'])
export class QuestionnaireResponse {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 8 })
  instrument!: InstrumentId;

  @Column({ type: 'varchar', length: 2 })
  language!: 'en' | 'es';

  /** The group whose assignment she answered; null when she took it on her own. */
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @ManyToOne(() => Group, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  /** `{ answers, score, band, safetyItemScore }`, sealed (see ResponseCodec). */
  @Column({ type: 'text' })
  sealed!: string;

  /** The incident her self-harm answer opened (an assignment's, or hers when she chose to tell). */
  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  incidentId!: string | null;

  @Column({ name: 'completed_at', type: Date })
  completedAt!: Date;
}
