import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '@hearth/identity';

/**
 * A person's journal data key, wrapped (AES-256-GCM) by the instance's master key, which never enters the
 * database. Deleting this row makes every journal ciphertext of that person unreadable, backups included.
 */
@Entity('journal_keys')
export class JournalKey {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ name: 'wrapped_key', type: 'text' })
  wrappedKey!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'rewrapped_at', type: Date, nullable: true })
  rewrappedAt!: Date | null;
}
