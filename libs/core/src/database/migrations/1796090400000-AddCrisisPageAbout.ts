import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

import { columnTypes } from '../column-types.js';

/**
 * Whom a crisis incident is about, on its paging, whatever its source (a writer, or a reported person): the
 * pager leaves her out of the facilitators and admins it alerts (issue 17, what the walkthrough left).
 */
export class AddCrisisPageAbout1796090400000 implements MigrationInterface {
  name = 'AddCrisisPageAbout1796090400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.addColumn(
      'crisis_pages',
      new TableColumn({ name: 'about_user_id', type: t.uuid, isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('crisis_pages', 'about_user_id');
  }
}
