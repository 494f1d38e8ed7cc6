import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

export class CreateChat1796043600000 implements MigrationInterface {
  name = 'CreateChat1796043600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'chat_rooms',
        columns: [
          { name: 'group_id', type: t.uuid, isPrimary: true },
          { name: 'last_seq', type: t.integer },
          { name: 'retention_days', type: t.integer, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'messages',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'group_id', type: t.uuid },
          { name: 'seq', type: t.integer, isNullable: true },
          { name: 'status', type: t.varchar, length: '16' },
          { name: 'author_membership_id', type: t.uuid, isNullable: true },
          { name: 'author_user_id', type: t.uuid, isNullable: true },
          { name: 'client_id', type: t.varchar, length: '36', isNullable: true },
          { name: 'kind', type: t.varchar, length: '16' },
          { name: 'body', type: t.text },
          { name: 'reply_to_id', type: t.uuid, isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'edited_at', type: t.timestamp, isNullable: true },
          { name: 'deleted_at', type: t.timestamp, isNullable: true },
          { name: 'removed_at', type: t.timestamp, isNullable: true },
          { name: 'removed_by', type: t.uuid, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
        indices: [
          new TableIndex({ name: 'UQ_messages_group_seq', columnNames: ['group_id', 'seq'], isUnique: true }),
          new TableIndex({
            name: 'UQ_messages_client',
            columnNames: ['group_id', 'author_user_id', 'client_id'],
            isUnique: true,
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'message_edits',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'message_id', type: t.uuid },
          { name: 'body', type: t.text },
          { name: 'replaced_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('message_id', 'messages')],
        indices: [new TableIndex({ name: 'IDX_message_edits_message', columnNames: ['message_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'reactions',
        columns: [
          { name: 'message_id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'emoji', type: t.varchar, length: '16', isPrimary: true },
          { name: 'membership_id', type: t.uuid },
          { name: 'created_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('message_id', 'messages')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'read_markers',
        columns: [
          { name: 'group_id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'seq', type: t.integer },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['read_markers', 'reactions', 'message_edits', 'messages', 'chat_rooms']) {
      await queryRunner.dropTable(table);
    }
  }
}
