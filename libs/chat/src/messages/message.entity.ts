import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '@hearth/groups';
import type { MessageKind } from '@hearth/contracts';

@Entity('messages')
@Index('UQ_messages_group_seq', ['groupId', 'seq'], { unique: true })
@Index('UQ_messages_client', ['groupId', 'authorUserId', 'clientId'], { unique: true })
export class Message {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ type: 'integer' })
  seq!: number;

  /** Null for system messages. */
  @Column({ name: 'author_membership_id', type: 'uuid', nullable: true })
  authorMembershipId!: string | null;

  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId!: string | null;

  /** The sender's idempotency key: resending it returns the stored message. */
  @Column({ name: 'client_id', type: 'varchar', length: 36, nullable: true })
  clientId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: MessageKind;

  /** NFC-normalized and trimmed; emptied when the author deletes the message. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'reply_to_id', type: 'uuid', nullable: true })
  replyToId!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'edited_at', type: Date, nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'deleted_at', type: Date, nullable: true })
  deletedAt!: Date | null;
}
