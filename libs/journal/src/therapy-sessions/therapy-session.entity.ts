import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '@hearth/identity';

/** One of a person's own therapy sessions, so reflections can be grouped by it. Intention and notes are ciphertext. */
@Entity('therapy_sessions')
@Index('IDX_therapy_sessions_user', ['userId', 'heldOn'])
export class TherapySession {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'integer' })
  version!: number;

  /** YYYY-MM-DD, the day it took place. */
  @Column({ name: 'held_on', type: 'varchar', length: 10 })
  heldOn!: string;

  @Column({ name: 'kind_ct', type: 'text' })
  kindCt!: string;

  @Column({ name: 'intention_ct', type: 'text', nullable: true })
  intentionCt!: string | null;

  @Column({ name: 'notes_ct', type: 'text', nullable: true })
  notesCt!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
