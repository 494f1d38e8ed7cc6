import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type IncidentStatus = 'open' | 'acknowledged' | 'resolved';

/** Someone may be in danger: opened by the crisis detector or a member's report, until a facilitator has acted. */
@Entity('incidents')
@Index('IDX_incidents_group_status', ['groupId', 'status'])
export class Incident {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  /** The person who may be at risk. */
  @Column({ name: 'subject_user_id', type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  @Column({ name: 'subject_membership_id', type: 'uuid', nullable: true })
  subjectMembershipId!: string | null;

  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  source!: 'detector' | 'report' | 'questionnaire' | 'facilitator';

  @Column({ type: 'varchar', length: 32 })
  category!: string;

  /** `urgent` (intent, plan, means, an act) escalates after CRISIS_ESCALATION_MINUTES; `concern` later. */
  @Column({ type: 'varchar', length: 16, default: 'urgent' })
  tier!: 'urgent' | 'concern';

  @Column({ type: 'varchar', length: 16 })
  status!: IncidentStatus;

  @Column({ name: 'opened_at', type: Date })
  openedAt!: Date;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy!: string | null;

  @Column({ name: 'acknowledged_at', type: Date, nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'escalated_at', type: Date, nullable: true })
  escalatedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolved_at', type: Date, nullable: true })
  resolvedAt!: Date | null;
}
