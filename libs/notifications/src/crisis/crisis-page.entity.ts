import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The paging of one crisis incident: the facilitators are alerted in rounds, every CRISIS_REPEAT_MINUTES, until
 * one of them acknowledges it; after escalation each round reaches the admins too. Kept here, from the incident
 * events, so that notifications never read moderation's tables.
 */
@Entity('crisis_pages')
@Index('IDX_crisis_pages_due', ['closedAt', 'nextRoundAt'])
export class CrisisPage {
  @PrimaryColumn({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  /** The person who may be in danger (null when a report named no one): told when someone was reached. */
  @Column({ name: 'subject_user_id', type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  /**
   * Whom the incident is about, whatever its source (the writer, or the person reported): never alerted about
   * herself, when she is one of the group's facilitators or an admin.
   */
  @Column({ name: 'about_user_id', type: 'uuid', nullable: true })
  aboutUserId!: string | null;

  /** Her language: what she is told when someone was reached. */
  @Column({ type: 'varchar', length: 2 })
  language!: 'en' | 'es';

  @Column({ type: 'varchar', length: 16 })
  tier!: 'urgent' | 'concern';

  /** Rounds sent so far (1 after the first alert). */
  @Column({ type: 'integer' })
  rounds!: number;

  @Column({ name: 'opened_at', type: Date })
  openedAt!: Date;

  @Column({ name: 'next_round_at', type: Date })
  nextRoundAt!: Date;

  @Column({ name: 'escalated_at', type: Date, nullable: true })
  escalatedAt!: Date | null;

  /** When a push service or the mail server first accepted an alert about it: someone was reached. */
  @Column({ name: 'reached_at', type: Date, nullable: true })
  reachedAt!: Date | null;

  /** Acknowledged or resolved: no more rounds. */
  @Column({ name: 'closed_at', type: Date, nullable: true })
  closedAt!: Date | null;
}
