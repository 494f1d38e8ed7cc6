import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An instance-wide setting that admins change at run time (for example, the default crisis resources). */
@Entity('instance_settings')
export class InstanceSetting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'simple-json' })
  value!: unknown;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
