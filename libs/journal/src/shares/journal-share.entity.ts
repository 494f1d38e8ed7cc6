import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '@hearth/identity';

/**
 * A reflection I shared: into a group's conversation (a chat message of kind `reflection`), or privately with
 * a group's facilitators (the excerpt, sealed with an instance key so that they can read it). Withdrawing it
 * takes the shared copy back.
 */
@Entity('journal_shares')
@Index('IDX_journal_shares_group', ['groupId', 'target'])
export class JournalShare {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  entryId!: string | null;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ type: 'varchar', length: 16 })
  target!: 'group' | 'facilitators';

  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId!: string | null;

  @Column({ name: 'excerpt_ct', type: 'text', nullable: true })
  excerptCt!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'withdrawn_at', type: Date, nullable: true })
  withdrawnAt!: Date | null;
}
