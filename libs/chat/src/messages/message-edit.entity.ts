import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Message } from './message.entity.js';

/** A previous version of an edited message, kept for its author and the group's facilitators. */
@Entity('message_edits')
export class MessageEdit {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('IDX_message_edits_message')
  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Relation<Message>;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'replaced_at', type: Date })
  replacedAt!: Date;
}
