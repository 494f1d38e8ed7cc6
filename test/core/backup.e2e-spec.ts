import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '@hearth/core';

import { backupSqlite } from '../../apps/api/src/backup.js';
import { createTestApp } from '../support/app.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { connect } from '../support/sockets.js';
import { createAccount, registerUser } from '../support/users.js';

describe('SQLite online backup - npm run backup', () => {
  it('copies the database while Hearth runs and writes, and the copy starts as a working instance', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-backup-'));
    const copyDir = mkdtempSync(join(tmpdir(), 'hearth-restore-'));
    const env = {
      DATA_DIR: dataDir,
      MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
      JWT_SECRET: 'b'.repeat(40),
    };
    try {
      const t = await createTestApp({ env, keepDataDir: true });
      const admin = await registerUser(t);
      const facilitator = await createAccount(t, admin, 'facilitator');
      const member = await registerUser(t);
      const group = await createGroup(t, facilitator);
      await addActiveMember(t, facilitator, group.id, member, 'Wren');
      const socket = await connect(t, member);
      await socket.emitWithAck('group:join', { groupId: group.id });
      const send = (body: string) =>
        socket.emitWithAck('message:send', { groupId: group.id, clientId: randomUUID(), body });
      for (let i = 0; i < 20; i += 1) await send(`before ${i}`);

      // Writes go on during the backup; the copy is a consistent snapshot of some moment.
      const target = join(copyDir, 'hearth.db');
      const [pages] = await Promise.all([
        backupSqlite(loadConfig(env), target),
        ...Array.from({ length: 20 }, (_, i) => send(`during ${i}`)),
      ]);
      expect(pages).toBeGreaterThan(0);
      await expect(backupSqlite(loadConfig(env), target)).rejects.toThrow(/exists/);
      await t.close();

      // The copy, with the same secrets, is a working Hearth: people sign in and read their history.
      const restored = await createTestApp({ env: { ...env, DATA_DIR: copyDir }, keepDataDir: true });
      const login = await restored
        .request()
        .post('/api/auth/login')
        .send({ email: member.email, password: member.password })
        .expect(200);
      const history = await restored
        .request()
        .get(`/api/groups/${group.id}/messages?limit=100`)
        .set('Authorization', `Bearer ${login.body.tokens.accessToken}`)
        .expect(200);
      const bodies = (history.body as { body: string; seq: number }[]).map((message) => message.body);
      expect(bodies.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => `before ${i}`));
      // Gap-free: whatever part of the concurrent writes made it in, it is a prefix of the order.
      const seqs = (history.body as { seq: number }[]).map((message) => message.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      await restored.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(copyDir, { recursive: true, force: true });
    }
  });

  it('refuses PostgreSQL, where pg_dump is the tool', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://127.0.0.1:5432/none',
      JWT_SECRET: 'b'.repeat(40),
      MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    await expect(backupSqlite(config, join(tmpdir(), 'never.db'))).rejects.toThrow(/pg_dump/);
    expect(existsSync(join(tmpdir(), 'never.db'))).toBe(false);
  });
});
