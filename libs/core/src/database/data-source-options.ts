import pg from 'pg';
import type { DataSourceOptions, MixedList } from 'typeorm';

import type { DatabaseConfig } from '../config/hearth-config.js';
import { migrations } from './migrations/index.js';
import { prepareSqliteFile } from './private-files.js';

type EntityList = MixedList<string | (abstract new (...args: never[]) => unknown)>;

/**
 * The one data-source definition, shared by the application and the TypeORM CLI.
 * The schema changes only through migrations; `synchronize` stays off everywhere.
 */
export function buildDataSourceOptions(
  database: DatabaseConfig,
  entities: EntityList = [],
): DataSourceOptions {
  if (database.type === 'postgres') {
    usePostgresUtcTimestamps();
    return {
      type: 'postgres',
      url: database.url,
      entities: entities as DataSourceOptions['entities'],
      migrations,
      migrationsTableName: 'migrations',
      synchronize: false,
      extra: { max: 10, options: '-c TimeZone=UTC' },
    };
  }
  if (database.file !== ':memory:') {
    prepareSqliteFile(database.file);
  }
  return {
    type: 'better-sqlite3',
    database: database.file,
    entities: entities as DataSourceOptions['entities'],
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    enableWAL: true,
    timeout: database.busyTimeoutMs,
    prepareDatabase: (db: { pragma: (source: string) => unknown }) => {
      db.pragma(`busy_timeout = ${database.busyTimeoutMs}`);
      db.pragma('synchronous = FULL');
      // Deleted content is overwritten with zeros, not merely unlinked (see Shredder).
      db.pragma('secure_delete = ON');
    },
  };
}

let utcConfigured = false;

/** Timestamps are `timestamp` (without zone) holding UTC on PostgreSQL, as `datetime` holds UTC on SQLite. */
function usePostgresUtcTimestamps(): void {
  if (utcConfigured) return;
  utcConfigured = true;
  pg.defaults.parseInputDatesAsUTC = true;
  pg.types.setTypeParser(
    pg.types.builtins.TIMESTAMP,
    (value: string) => new Date(`${value.replace(' ', 'T')}Z`),
  );
}
