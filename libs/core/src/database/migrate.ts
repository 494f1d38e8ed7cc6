import { DataSource, type DataSourceOptions } from 'typeorm';

import { restrictSqliteFiles } from './private-files.js';

/** A fixed key for PostgreSQL's advisory lock that guards migrations (any 64-bit number unique to Hearth). */
const MIGRATIONS_LOCK_KEY = 4_862_301_773;

/**
 * Connects and brings the schema up to date. Several nodes may start at once against one PostgreSQL database:
 * an advisory lock lets one of them migrate while the others wait, then find nothing left to do.
 */
export async function connectAndMigrate(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations();
    // The WAL and shared-memory files exist now; ones left from before 0600 files are narrowed too.
    if (options.type === 'better-sqlite3' && options.database !== ':memory:') {
      restrictSqliteFiles(options.database);
    }
    return dataSource;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATIONS_LOCK_KEY]);
    await dataSource.runMigrations();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATIONS_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}
