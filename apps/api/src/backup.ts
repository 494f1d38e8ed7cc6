import { chmodSync, closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

import Database from 'better-sqlite3';

import { loadConfig, type HearthConfig } from '@hearth/core';

/**
 * Copies the embedded database to `target` with SQLite's online backup API: safe while Hearth runs, and the
 * copy is a consistent snapshot (the WAL included). The copy is readable by this user only (0600), like the
 * database. Secrets are not in the database and are not copied: back up DATA_DIR/secrets (or your secret store)
 * separately. Returns the number of pages copied.
 */
export async function backupSqlite(config: HearthConfig, target: string): Promise<number> {
  if (config.database.type !== 'sqlite') {
    throw new Error(
      'DATABASE_URL is set: back up PostgreSQL with pg_dump or your provider (docs/DEPLOYMENT.md)',
    );
  }
  if (!existsSync(config.database.file)) throw new Error(`No database at ${config.database.file}`);
  createPrivateFile(target);
  let db: Database.Database | undefined;
  try {
    db = new Database(config.database.file, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${config.database.busyTimeoutMs}`);
    const { totalPages } = await db.backup(target);
    chmodSync(target, 0o600);
    return totalPages;
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    db?.close();
  }
}

/** An empty file is an empty database to SQLite; created 0600 here, the backup never exists readable by others. */
function createPrivateFile(target: string): void {
  try {
    closeSync(openSync(target, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${target} exists; choose a new file`);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('Usage: npm run backup -- <new file, e.g. backups/hearth-2026-11-30.db>');
  const pages = await backupSqlite(loadConfig(process.env), resolve(target));
  console.error(`Backed up ${pages} pages to ${resolve(target)}`);
}

if (process.argv[1]?.endsWith('backup.ts')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
