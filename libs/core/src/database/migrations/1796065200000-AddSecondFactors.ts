import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

/** Two-factor sign-in: authenticator apps and passkeys, recovery codes, and the account's second-factor flag. */
export class AddSecondFactors1796065200000 implements MigrationInterface {
  name = 'AddSecondFactors1796065200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'second_factor_since', type: t.timestamp, isNullable: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'second_factors',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid },
          { name: 'kind', type: t.varchar, length: '16' },
          { name: 'label', type: t.varchar, length: '80' },
          { name: 'sealed_secret', type: t.text, isNullable: true },
          { name: 'last_time_step', type: t.integer, isNullable: true },
          { name: 'credential_id', type: t.varchar, length: '1024', isNullable: true, isUnique: true },
          { name: 'public_key', type: t.text, isNullable: true },
          { name: 'sign_count', type: t.integer, default: 0 },
          { name: 'transports', type: t.varchar, length: '200', isNullable: true },
          { name: 'confirmed_at', type: t.timestamp, isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'last_used_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
        indices: [new TableIndex({ name: 'IDX_second_factors_user', columnNames: ['user_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'recovery_codes',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid },
          { name: 'code_hash', type: t.varchar, length: '64', isUnique: true },
          { name: 'used_at', type: t.timestamp, isNullable: true },
          { name: 'created_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
        indices: [new TableIndex({ name: 'IDX_recovery_codes_user', columnNames: ['user_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('recovery_codes');
    await queryRunner.dropTable('second_factors');
    await queryRunner.dropColumn('users', 'second_factor_since');
  }
}
