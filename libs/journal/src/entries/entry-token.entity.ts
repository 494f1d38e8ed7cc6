import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { JournalEntry } from './journal-entry.entity.js';

/** A blind-index token of a word (or tag) in an entry: an HMAC under the person's index key, never the word. */
@Entity('journal_entry_tokens')
@Index('IDX_journal_entry_tokens_token', ['token'])
export class EntryToken {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @ManyToOne(() => JournalEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: Relation<JournalEntry>;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  token!: string;
}
