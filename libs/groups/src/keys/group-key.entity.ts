import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';

import { Group } from '../groups/group.entity.js';

/**
 * A group's data key, wrapped (AES-256-GCM) by the instance's master key, which never enters the database.
 * Deleting this row makes every sealed conversation field of the group unreadable, backups included.
 */
@Entity('group_keys')
export class GroupKey {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @OneToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ name: 'wrapped_key', type: 'text' })
  wrappedKey!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'rewrapped_at', type: Date, nullable: true })
  rewrappedAt!: Date | null;
}
