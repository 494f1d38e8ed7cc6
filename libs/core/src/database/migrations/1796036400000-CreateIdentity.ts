import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { columnTypes } from '../column-types.js';

export class CreateIdentity1796036400000 implements MigrationInterface {
  name = 'CreateIdentity1796036400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'email', type: t.varchar, length: '320', isUnique: true },
          { name: 'display_name', type: t.varchar, length: '80' },
          { name: 'password_hash', type: t.varchar, length: '255' },
          { name: 'role', type: t.varchar, length: '16' },
          { name: 'disabled_at', type: t.timestamp, isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid },
          { name: 'created_at', type: t.timestamp },
          { name: 'last_used_at', type: t.timestamp },
          { name: 'expires_at', type: t.timestamp },
          { name: 'revoked_at', type: t.timestamp, isNullable: true },
          { name: 'revoked_reason', type: t.varchar, length: '32', isNullable: true },
          { name: 'user_agent', type: t.varchar, length: '255', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ name: 'IDX_sessions_user', columnNames: ['user_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'session_id', type: t.uuid },
          { name: 'token_hash', type: t.varchar, length: '64', isUnique: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'used_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['session_id'],
            referencedTableName: 'sessions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ name: 'IDX_refresh_tokens_session', columnNames: ['session_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'login_throttles',
        columns: [
          { name: 'key', type: t.varchar, length: '64', isPrimary: true },
          { name: 'failures', type: t.integer },
          { name: 'locked_until', type: t.timestamp, isNullable: true },
          { name: 'updated_at', type: t.timestamp },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'instance_flags',
        columns: [
          { name: 'key', type: t.varchar, length: '64', isPrimary: true },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['instance_flags', 'login_throttles', 'refresh_tokens', 'sessions', 'users']) {
      await queryRunner.dropTable(table);
    }
  }
}
