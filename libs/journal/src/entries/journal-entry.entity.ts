import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '@hearth/identity';

/**
 * A journal entry. Title, body and tags are ciphertext (see @hearth/core crypto/sealing.ts), bound to this row and version;
 * only the person's own key opens them. Mood and links are plain so that filters work without decrypting.
 */
@Entity('journal_entries')
@Index('IDX_journal_entries_user_created', ['userId', 'createdAt'])
export class JournalEntry {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Bumped on every change; part of the associated data of every field's ciphertext. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'title_ct', type: 'text', nullable: true })
  titleCt!: string | null;

  @Column({ name: 'body_ct', type: 'text' })
  bodyCt!: string;

  @Column({ name: 'tags_ct', type: 'text', nullable: true })
  tagsCt!: string | null;

  @Column({ type: 'integer', nullable: true })
  mood!: number | null;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId!: string | null;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId!: string | null;

  @Column({ name: 'prompt_id', type: 'varchar', length: 64, nullable: true })
  promptId!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
