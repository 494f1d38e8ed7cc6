import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One moderation or safety action. Append-only: rows are never updated or deleted by the application. */
@Entity('audit_events')
@Index('IDX_audit_events_group', ['groupId', 'createdAt'])
@Index('IDX_audit_events_target', ['targetUserId', 'createdAt'])
export class AuditEvent {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  /** Null when the system acted (the filter, an escalation). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'varchar', length: 48 })
  action!: string;

  @Column({ name: 'target_user_id', type: 'uuid', nullable: true })
  targetUserId!: string | null;

  @Column({ name: 'target_message_id', type: 'uuid', nullable: true })
  targetMessageId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Before and after, where a setting changed. */
  @Column({ type: 'simple-json', nullable: true })
  details!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
