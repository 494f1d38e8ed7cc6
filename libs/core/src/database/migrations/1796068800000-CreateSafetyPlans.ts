import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

/** The personal safety plan: one per person, sealed with the person's journal key like journal entries. */
export class CreateSafetyPlans1796068800000 implements MigrationInterface {
  name = 'CreateSafetyPlans1796068800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'safety_plans',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid },
          { name: 'version', type: t.integer },
          { name: 'plan_ct', type: t.text },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
        indices: [new TableIndex({ name: 'UQ_safety_plans_user', columnNames: ['user_id'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('safety_plans');
  }
}
