import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '../groups/group.entity.js';

/** One published version of a group's agreement. Versions are never edited, only superseded. */
@Entity('group_agreements')
@Index('UQ_group_agreements_version', ['groupId', 'version'], { unique: true })
export class GroupAgreement {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'published_by', type: 'uuid' })
  publishedBy!: string;

  @Column({ name: 'published_at', type: Date })
  publishedAt!: Date;
}
