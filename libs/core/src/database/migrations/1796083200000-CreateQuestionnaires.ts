import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

/**
 * Questionnaires (PHQ-9, GAD-7, EPDS): the licensed wording an admin installs, each member's sealed responses,
 * her own schedules, the groups' assignments, and the consent to share scores with a group's facilitators.
 */
export class CreateQuestionnaires1796083200000 implements MigrationInterface {
  name = 'CreateQuestionnaires1796083200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'questionnaire_wordings',
        columns: [
          { name: 'instrument', type: t.varchar, length: '8', isPrimary: true },
          { name: 'language', type: t.varchar, length: '2', isPrimary: true },
          { name: 'wording', type: t.text },
          { name: 'installed_by', type: t.uuid, isNullable: true },
          { name: 'installed_at', type: t.timestamp },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'questionnaire_responses',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid },
          { name: 'instrument', type: t.varchar, length: '8' },
          { name: 'language', type: t.varchar, length: '2' },
          { name: 'group_id', type: t.uuid, isNullable: true },
          { name: 'sealed', type: t.text },
          { name: 'incident_id', type: t.uuid, isNullable: true },
          { name: 'completed_at', type: t.timestamp },
        ],
        foreignKeys: [
          cascadingForeignKey('user_id', 'users'),
          new TableForeignKey({
            columnNames: ['group_id'],
            referencedTableName: 'groups',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_questionnaire_responses_user',
            columnNames: ['user_id', 'completed_at'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'questionnaire_schedules',
        columns: [
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'instrument', type: t.varchar, length: '8', isPrimary: true },
          { name: 'every_days', type: t.integer },
          { name: 'starts_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'questionnaire_assignments',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'group_id', type: t.uuid },
          { name: 'instrument', type: t.varchar, length: '8' },
          { name: 'every_days', type: t.integer },
          { name: 'starts_at', type: t.timestamp },
          { name: 'created_by', type: t.uuid, isNullable: true },
          { name: 'ended_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
        indices: [new TableIndex({ name: 'IDX_questionnaire_assignments_group', columnNames: ['group_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'questionnaire_shares',
        columns: [
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'group_id', type: t.uuid, isPrimary: true },
          { name: 'since', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users'), cascadingForeignKey('group_id', 'groups')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'questionnaire_shares',
      'questionnaire_assignments',
      'questionnaire_schedules',
      'questionnaire_responses',
      'questionnaire_wordings',
    ])
      await queryRunner.dropTable(table);
  }
}
