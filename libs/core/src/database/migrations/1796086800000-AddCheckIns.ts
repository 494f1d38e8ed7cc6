import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

/**
 * Check-ins: a private conversation of a group's facilitators with one member is a group of its own kind, tied to
 * its parent group and its member (docs/check-ins.md).
 */
export class AddCheckIns1796086800000 implements MigrationInterface {
  name = 'AddCheckIns1796086800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.addColumns('groups', [
      new TableColumn({ name: 'parent_group_id', type: t.uuid, isNullable: true }),
      new TableColumn({ name: 'subject_user_id', type: t.uuid, isNullable: true }),
      new TableColumn({ name: 'open_check_in_key', type: t.varchar, length: '80', isNullable: true }),
      new TableColumn({ name: 'escalated_at', type: t.timestamp, isNullable: true }),
    ]);
    await queryRunner.createForeignKeys('groups', [
      cascadingForeignKey('parent_group_id', 'groups'),
      cascadingForeignKey('subject_user_id', 'users'),
    ]);
    await queryRunner.createIndices('groups', [
      new TableIndex({ name: 'IDX_groups_parent', columnNames: ['parent_group_id'] }),
      new TableIndex({ name: 'IDX_groups_subject', columnNames: ['subject_user_id'] }),
      new TableIndex({ name: 'UQ_groups_check_in_open', columnNames: ['open_check_in_key'], isUnique: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM ${queryRunner.connection.driver.escape('groups')} WHERE parent_group_id IS NOT NULL`,
    );
    const table = await queryRunner.getTable('groups');
    for (const name of ['UQ_groups_check_in_open', 'IDX_groups_subject', 'IDX_groups_parent'])
      await queryRunner.dropIndex('groups', name);
    for (const key of table?.foreignKeys.filter((fk) =>
      ['parent_group_id', 'subject_user_id'].includes(fk.columnNames[0]),
    ) ?? [])
      await queryRunner.dropForeignKey('groups', key);
    for (const column of ['escalated_at', 'open_check_in_key', 'subject_user_id', 'parent_group_id'])
      await queryRunner.dropColumn('groups', column);
  }
}
