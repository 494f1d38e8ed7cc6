import type { QueryRunner } from 'typeorm';

/** Column types that mean the same thing on SQLite and PostgreSQL, for migrations written once for both. */
export function columnTypes(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.driver.options.type === 'postgres';
  return {
    uuid: postgres ? 'uuid' : 'varchar',
    timestamp: postgres ? 'timestamp' : 'datetime',
    text: 'text',
    varchar: 'varchar',
    integer: 'integer',
    boolean: 'boolean',
  } as const;
}
