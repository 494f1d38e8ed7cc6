import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Meeting } from './meeting.entity.js';

/** One cancelled occurrence of a recurring meeting. */
@Entity('meeting_cancellations')
export class MeetingCancellation {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @PrimaryColumn({ name: 'occurrence_starts_at', type: Date })
  occurrenceStartsAt!: Date;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<Meeting>;

  @Column({ name: 'cancelled_by', type: 'uuid' })
  cancelledBy!: string;

  @Column({ name: 'cancelled_at', type: Date })
  cancelledAt!: Date;
}
