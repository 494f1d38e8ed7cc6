import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '@hearth/core';

import { rotateMasterKey } from '../../apps/api/src/keys-rotate.js';
import { createTestApp } from '../support/app.js';
import { registerUser } from '../support/users.js';

describe('Master key rotation - npm run keys:rotate', () => {
  it('re-wraps every journal key under the new master key; entries stay readable with it and only with it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-rotate-'));
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32);
    const env = { DATA_DIR: dataDir, MASTER_KEY: oldKey, JWT_SECRET: 'r'.repeat(40) };
    try {
      let t = await createTestApp({ env, keepDataDir: true });
      const user = await registerUser(t);
      const entry = await t
        .request()
        .post('/api/journal/entries')
        .set('Authorization', user.auth)
        .send({ body: 'kept across rotation' })
        .expect(201);
      const before = readFileSync(join(dataDir, 'hearth.db'));
      await t.close();

      expect(await rotateMasterKey(loadConfig(env), newKey)).toEqual({ journalKeys: 1, groupKeys: 0 });

      t = await createTestApp({ env: { ...env, MASTER_KEY: newKey.toString('base64') }, keepDataDir: true });
      const login = await t
        .request()
        .post('/api/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(200);
      const read = await t
        .request()
        .get(`/api/journal/entries/${entry.body.id}`)
        .set('Authorization', `Bearer ${login.body.tokens.accessToken}`)
        .expect(200);
      expect(read.body.body).toBe('kept across rotation');
      await t.close();

      t = await createTestApp({ env, keepDataDir: true });
      const again = await t
        .request()
        .post('/api/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(200);
      await t
        .request()
        .get(`/api/journal/entries/${entry.body.id}`)
        .set('Authorization', `Bearer ${again.body.tokens.accessToken}`)
        .expect(500);
      await t.close();
      expect(before.length).toBeGreaterThan(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
