import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

/**
 * Per-group keys for conversations sealed at rest (issue 14, item 15), and room for ciphertext where a column
 * was sized for plaintext. Existing plaintext is sealed at startup, not here: the master key exists only in the
 * application (see `ConversationBackfill` and docs/decisions.md).
 */
export class SealConversations1796058000000 implements MigrationInterface {
  name = 'SealConversations1796058000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'group_keys',
        columns: [
          { name: 'group_id', type: t.uuid, isPrimary: true },
          { name: 'wrapped_key', type: t.text },
          { name: 'created_at', type: t.timestamp },
          { name: 'rewrapped_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
      }),
    );
    for (const name of ['location', 'video_url']) {
      await queryRunner.changeColumn(
        'meetings',
        name,
        new TableColumn({ name, type: t.text, isNullable: true }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    for (const name of ['location', 'video_url']) {
      await queryRunner.changeColumn(
        'meetings',
        name,
        new TableColumn({ name, type: t.varchar, length: '500', isNullable: true }),
      );
    }
    await queryRunner.dropTable('group_keys');
  }
}
