import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** `?` placeholders as the database wants them: as they are on SQLite, `$1`, `$2`, … on PostgreSQL. */
function placeholders(manager: EntityManager, sql: string): string {
  let position = 0;
  return manager.connection.options.type === 'postgres' ? sql.replace(/\?/g, () => `$${++position}`) : sql;
}

/**
 * Runs one SQL statement written with `?` placeholders on SQLite or PostgreSQL and returns its rows (for a write,
 * the rows of its RETURNING clause). For the chat's hottest statements, where building a TypeORM query costs more
 * than running it. Inside a transaction, pass the transaction's manager.
 */

export async function rawRows<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(placeholders(manager, sql), parameters, true);
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

/**
 * Rows of `target` chosen by a plain SQL clause (`"group_id" = ? AND "seq" < ? ORDER BY "seq" DESC LIMIT ?`,
 * with database column names), turned into entities as TypeORM would: the driver's conversions (dates, booleans,
 * transformers), then the entity's load listeners and subscribers (which open sealed fields). For the reads every
 * request makes, where building a TypeORM query costs more than running it (docs/PERFORMANCE.md, history reads).
 * Relations are not loaded.
 */
export async function selectEntities<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  clause: string,
  parameters: unknown[],
): Promise<T[]> {
  const { connection } = manager;
  const metadata = connection.getMetadata(target);
  const runner = manager.queryRunner ?? connection.createQueryRunner();
  try {
    const rows = (await runner.query(
      placeholders(manager, `SELECT * FROM "${metadata.tableName}" WHERE ${clause}`),
      parameters,
      true,
    )) as { records: Record<string, unknown>[] };
    const entities = rows.records.map((row) => {
      const entity = metadata.create(runner) as T;
      for (const column of metadata.columns) {
        const value = row[column.databaseName];
        if (value !== undefined)
          column.setEntityValue(entity, connection.driver.prepareHydratedValue(value, column));
      }
      return entity;
    });
    // What TypeORM's own loads do next (its BroadcasterResult is not exported: this is its shape).
    const loaded = { promises: [] as Promise<unknown>[], count: 0, wait: async () => loaded };
    runner.broadcaster.broadcastLoadEvent(loaded, metadata, entities);
    await Promise.all(loaded.promises);
    return entities;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/** The one row of `target` whose columns equal `where` (by property name), or null: see selectEntities. */
export async function findRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: Partial<Record<keyof T & string, string>>,
): Promise<T | null> {
  const metadata = manager.connection.getMetadata(target);
  const entries = Object.entries(where);
  const conditions = entries.map(([property]) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return `"${column.databaseName}" = ?`;
  });
  const [entity] = await selectEntities(
    manager,
    target,
    `${conditions.join(' AND ')} LIMIT 1`,
    entries.map(([, value]) => value),
  );
  return entity ?? null;
}
