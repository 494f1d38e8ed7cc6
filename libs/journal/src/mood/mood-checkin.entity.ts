import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '@hearth/identity';

/** A quick mood check-in, on its own or with an entry. The note is ciphertext; the numbers chart without it. */
@Entity('mood_checkins')
@Index('IDX_mood_checkins_user_at', ['userId', 'at'])
export class MoodCheckin {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: Date })
  at!: Date;

  @Column({ type: 'integer' })
  mood!: number;

  @Column({ type: 'integer', nullable: true })
  energy!: number | null;

  @Column({ name: 'sleep_hours', type: 'real', nullable: true })
  sleepHours!: number | null;

  @Column({ name: 'note_ct', type: 'text', nullable: true })
  noteCt!: string | null;

  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  entryId!: string | null;
}
