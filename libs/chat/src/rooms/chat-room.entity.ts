import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '@hearth/groups';

/**
 * A group's chat timeline. `last_seq` is the per-group sequence: it is incremented by an UPDATE in the same
 * transaction as the message insert, so concurrent writers (even on other nodes) queue on this row and the
 * order is strictly increasing and gap-free.
 */
@Entity('chat_rooms')
export class ChatRoom {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @OneToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;

  /** Messages older than this many days are deleted by the daily retention job; null keeps them. */
  @Column({ name: 'retention_days', type: 'integer', nullable: true })
  retentionDays!: number | null;
}
