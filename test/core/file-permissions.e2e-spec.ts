import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '@hearth/core';

import { backupSqlite } from '../../apps/api/src/backup.js';
import { createTestApp } from '../support/app.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { connect } from '../support/sockets.js';
import { createAccount, registerUser } from '../support/users.js';

/** The permission bits of a path that let anyone but the owner in: none, for everything Hearth keeps. */
function othersBits(path: string): string {
  return (statSync(path).mode & 0o077).toString(8).padStart(3, '0');
}

const secrets = { MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), JWT_SECRET: 'p'.repeat(40) };

describe('Files only the service can read: DATA_DIR 0700, the SQLite files and backups 0600', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hearth-modes-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** Boots on `dataDir` and writes a message, so that the WAL holds data. */
  async function bootAndWrite(dataDir: string) {
    const t = await createTestApp({ env: { DATA_DIR: dataDir }, keepDataDir: true });
    const admin = await registerUser(t);
    const facilitator = await createAccount(t, admin, 'facilitator');
    const member = await registerUser(t);
    const group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, member, 'Wren');
    const socket = await connect(t, member);
    await socket.emitWithAck('group:join', { groupId: group.id });
    const sent = await socket.emitWithAck('message:send', {
      groupId: group.id,
      clientId: randomUUID(),
      body: 'only for this circle',
    });
    expect(sent.ok).toBe(true);
    return t;
  }

  it('creates a fresh DATA_DIR 0700, the database, WAL and shared-memory files 0600, and backups 0600', async () => {
    const dataDir = join(root, 'data');
    const t = await bootAndWrite(dataDir);
    try {
      const db = join(dataDir, 'hearth.db');
      // The files exist while Hearth runs; each is checked, not assumed.
      expect([db, `${db}-wal`, `${db}-shm`].map(existsSync)).toEqual([true, true, true]);
      // A backup written while Hearth runs is as private as the database.
      const backup = join(root, 'backup.db');
      await backupSqlite(loadConfig({ DATA_DIR: dataDir, ...secrets }), backup);
      expect({
        dataDir: othersBits(dataDir),
        db: othersBits(db),
        wal: othersBits(`${db}-wal`),
        shm: othersBits(`${db}-shm`),
        secrets: othersBits(join(dataDir, 'secrets')),
        backup: othersBits(backup),
      }).toEqual({ dataDir: '000', db: '000', wal: '000', shm: '000', secrets: '000', backup: '000' });
    } finally {
      await t.close();
    }
  });

  it('narrows an existing DATA_DIR and database file that others could read', async () => {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    const first = await createTestApp({ env: { DATA_DIR: dataDir, ...secrets }, keepDataDir: true });
    await first.close();
    const db = join(dataDir, 'hearth.db');
    // As a version before this one left them: 0644 in a 0755 folder.
    chmodSync(dataDir, 0o755);
    chmodSync(db, 0o644);

    const t = await createTestApp({ env: { DATA_DIR: dataDir, ...secrets }, keepDataDir: true });
    try {
      await registerUser(t);
      expect({
        dataDir: othersBits(dataDir),
        db: othersBits(db),
        wal: othersBits(`${db}-wal`),
        shm: othersBits(`${db}-shm`),
      }).toEqual({ dataDir: '000', db: '000', wal: '000', shm: '000' });
    } finally {
      await t.close();
    }
  });
});
