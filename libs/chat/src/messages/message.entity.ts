import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '@hearth/groups';
import type { MessageKind, MessageStatus } from '@hearth/contracts';

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

  /** Null while held for review: a message takes its place in the order when it becomes visible. */
  @Column({ type: 'integer', nullable: true })
  seq!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: MessageStatus;

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

  /** Deleted by its author: the text is erased. */
  @Column({ name: 'deleted_at', type: Date, nullable: true })
  deletedAt!: Date | null;

  /** Removed by a facilitator: members see a tombstone; facilitators can still review the text. */
  @Column({ name: 'removed_at', type: Date, nullable: true })
  removedAt!: Date | null;

  @Column({ name: 'removed_by', type: 'uuid', nullable: true })
  removedBy!: string | null;

  /** The facilitator's reason for removing it, sealed like the text; only its author is shown it. */
  @Column({ name: 'removal_reason', type: 'text', nullable: true })
  removalReason!: string | null;
}
