import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a facilitator did about an incident. */
@Entity('incident_notes')
@Index('IDX_incident_notes_incident', ['incidentId'])
export class IncidentNote {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
