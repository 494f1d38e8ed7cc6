import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const REPORT_REASONS = [
  'harassment',
  'crisis_concern',
  'triggering_content',
  'privacy_breach',
  'spam',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_OUTCOMES = [
  'dismissed',
  'message_removed',
  'member_muted',
  'member_warned',
  'member_removed',
  'member_banned',
  'other',
] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/** A member's report of a message, or the filter's flag on one, for the group's facilitators. */
@Entity('reports')
@Index('IDX_reports_group_status', ['groupId', 'status'])
@Index('UQ_reports_message_reporter', ['messageId', 'reporterUserId'], { unique: true })
export class Report {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  /** Null for the automatic filter's flags. Never shown to the reported member. */
  @Column({ name: 'reporter_user_id', type: 'uuid', nullable: true })
  reporterUserId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  reason!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: 'open' | 'resolved';

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome!: ReportOutcome | null;

  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote!: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolved_at', type: Date, nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
