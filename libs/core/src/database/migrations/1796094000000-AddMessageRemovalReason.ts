import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

import { columnTypes } from '../column-types.js';

/**
 * A facilitator's reason for removing a message, kept with it (sealed like its text) so that its author reads it
 * on her tombstone whenever she comes back, not only if she was online at the time (issue 17, item 1).
 */
export class AddMessageRemovalReason1796094000000 implements MigrationInterface {
  name = 'AddMessageRemovalReason1796094000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.addColumn(
      'messages',
      new TableColumn({ name: 'removal_reason', type: t.text, isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('messages', 'removal_reason');
  }
}
