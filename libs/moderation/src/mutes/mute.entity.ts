import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A member muted in a group: they read, but cannot post or react, until it ends or is lifted. */
@Entity('mutes')
@Index('IDX_mutes_group_user', ['groupId', 'userId'])
export class Mute {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'muted_by', type: 'uuid' })
  mutedBy!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  /** Null: until lifted. */
  @Column({ name: 'ends_at', type: Date, nullable: true })
  endsAt!: Date | null;

  @Column({ name: 'lifted_at', type: Date, nullable: true })
  liftedAt!: Date | null;

  @Column({ name: 'lifted_by', type: 'uuid', nullable: true })
  liftedBy!: string | null;
}
