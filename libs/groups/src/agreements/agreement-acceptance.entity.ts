import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '../groups/group.entity.js';

/** The record of who accepted which version of a group's agreement, and when. Append-only. */
@Entity('agreement_acceptances')
@Index('IDX_agreement_acceptances_group_user', ['groupId', 'userId'])
export class AgreementAcceptance {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'accepted_at', type: Date })
  acceptedAt!: Date;
}
