import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

/** Getting back in: whether an address is verified, and the one-time links for a password reset or a verification. */
export class AddAccountRecovery1796076000000 implements MigrationInterface {
  name = 'AddAccountRecovery1796076000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'email_verified_at', type: t.timestamp, isNullable: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'account_tokens',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid },
          { name: 'purpose', type: t.varchar, length: '32' },
          { name: 'token_hash', type: t.varchar, length: '64', isUnique: true },
          { name: 'created_by', type: t.uuid, isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'expires_at', type: t.timestamp },
          { name: 'used_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
        indices: [new TableIndex({ name: 'IDX_account_tokens_user', columnNames: ['user_id', 'purpose'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('account_tokens');
    await queryRunner.dropColumn('users', 'email_verified_at');
  }
}
