import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { AccessKind } from '@hearth/contracts';

import type { Role } from '../users/role.js';

/**
 * Who saw or did what with a person's records: append-only (on PostgreSQL a trigger refuses any other change than
 * retention's deletes and erasure's tombstones). Ids only, never the text that was seen. No foreign keys: an entry
 * outlives the accounts it names.
 */
@Entity('access_log')
@Index('IDX_access_log_subject_at', ['subjectUserId', 'at'])
export class AccessLogEntry {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('IDX_access_log_at')
  @Column({ type: Date })
  at!: Date;

  /** Null once an erased person's own entries are tombstoned. */
  @Index('IDX_access_log_actor')
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** The actor's platform role when it happened. */
  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole!: Role;

  /** Whose record it was; null once that person is erased. */
  @Column({ name: 'subject_user_id', type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind!: AccessKind;

  @Column({ name: 'resource_id', type: 'varchar', length: 64, nullable: true })
  resourceId!: string | null;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;
}
