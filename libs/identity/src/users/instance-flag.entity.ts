import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time fact about this instance, claimed once by primary key (for example, that the first admin exists). */
@Entity('instance_flags')
export class InstanceFlag {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
