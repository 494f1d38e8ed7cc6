import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '@hearth/identity';

/** One person's choices about notifications (see preferences.ts for the shape and the defaults). */
@Entity('notification_preferences')
export class NotificationPreferencesRow {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** `Preferences` as JSON. */
  @Column({ type: 'text' })
  settings!: string;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
