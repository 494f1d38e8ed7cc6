import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from '@hearth/core';
import { chatEntities } from '@hearth/chat';
import { groupsEntities } from '@hearth/groups';
import { identityEntities } from '@hearth/identity';
import { journalEntities } from '@hearth/journal';
import { moderationEntities } from '@hearth/moderation';
import { notificationsEntities } from '@hearth/notifications';
import { questionnairesEntities } from '@hearth/questionnaires';

describe('SQLite database', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-sqlite-'));
    dataSource = new DataSource(
      buildDataSourceOptions({ type: 'sqlite', file: join(dir, 'db', 'hearth.db'), busyTimeoutMs: 3000 }, [
        ...identityEntities,
        ...groupsEntities,
        ...chatEntities,
        ...moderationEntities,
        ...notificationsEntities,
        ...questionnairesEntities,
        ...journalEntities,
      ]),
    );
    await dataSource.initialize();
  });

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration and leaves the schema exactly as the entities describe it', async () => {
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('maps every table the migrations create to an entity', async () => {
    await dataSource.runMigrations();
    const tables = (await dataSource.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')",
    )) as { name: string }[];
    const mapped = new Set(dataSource.entityMetadatas.map((m) => m.tableName));
    expect(tables.map((t) => t.name).filter((name) => !mapped.has(name))).toEqual([]);
  });

  it('reverts every migration cleanly', async () => {
    const applied = await dataSource.runMigrations();
    for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration();
    const tables = await dataSource.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')",
    );
    expect(tables).toEqual([]);
  });

  it('runs in WAL mode with synchronous=FULL, foreign keys and a busy timeout, in a private folder', async () => {
    const pragma = async (name: string) => Object.values((await dataSource.query(`PRAGMA ${name}`))[0])[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(3000);
    expect(statSync(join(dir, 'db')).mode & 0o777).toBe(0o700);
  });
});
