import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { TermAction } from '../text/blocked-terms.js';

/** A word or phrase the filter acts on: platform-wide (no group) or for one group. */
@Entity('blocked_terms')
@Index('IDX_blocked_terms_group', ['groupId'])
export class BlockedTerm {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  term!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: TermAction;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
