import { TableForeignKey, type QueryRunner } from 'typeorm';

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
    real: 'real',
  } as const;
}

/** A foreign key from `column` to `table.id` that deletes the row with its parent. */
export function cascadingForeignKey(column: string, table: string): TableForeignKey {
  return new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });
}
