import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('pins')
@Index('IDX_pins_group', ['groupId'])
export class Pin {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ name: 'pinned_by', type: 'uuid' })
  pinnedBy!: string;

  @Column({ name: 'pinned_at', type: Date })
  pinnedAt!: Date;
}
