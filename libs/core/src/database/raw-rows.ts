import type { EntityManager, EntityTarget } from 'typeorm';

/**
 * Runs one SQL statement written with `?` placeholders on SQLite or PostgreSQL and returns its rows (for a write,
 * the rows of its RETURNING clause). For the chat's hottest statements, where building a TypeORM query costs more
 * than running it. Inside a transaction, pass the transaction's manager.
 */
export async function rawRows<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  let position = 0;
  const text =
    manager.connection.options.type === 'postgres' ? sql.replace(/\?/g, () => `$${++position}`) : sql;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(text, parameters, true);
    return result.records as T[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/**
 * Inserts entities in one multi-row INSERT, converting each value exactly as TypeORM would (dates, booleans),
 * without its query builder, whose cost grows with the square of the rows. Columns come from the entity's
 * metadata, so the statement follows the schema.
 */
export async function insertRows<T extends object>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((column) => !column.isVirtual);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const sql =
    `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) ` +
    `VALUES ${rows.map(() => placeholders).join(', ')}`;
  const parameters = rows.flatMap((row) =>
    columns.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column)),
  );
  await rawRows(manager, sql, parameters);
}
