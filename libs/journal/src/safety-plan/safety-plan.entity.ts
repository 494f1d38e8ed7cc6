import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import { User } from '@hearth/identity';

/**
 * A person's safety plan: one per person, the six steps sealed together as one field (see safety-plan-codec.ts),
 * bound to this row and version; only the person's own journal key opens it.
 */
@Entity('safety_plans')
@Index('UQ_safety_plans_user', ['userId'], { unique: true })
export class SafetyPlan {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Bumped on every change; part of the associated data of the ciphertext. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'plan_ct', type: 'text' })
  planCt!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
