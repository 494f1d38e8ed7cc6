import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Someone a member chose not to see in a group: their messages collapse in that member's view, on every device. */
@Entity('hidden_members')
export class HiddenMember {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'membership_id', type: 'uuid' })
  membershipId!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
