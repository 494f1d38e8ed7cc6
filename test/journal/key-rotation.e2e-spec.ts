import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '@hearth/core';

import { rotateMasterKey } from '../../apps/api/src/keys-rotate.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { connect } from '../support/sockets.js';
import { createAccount, registerUser, signIn, type TestUser } from '../support/users.js';

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
      const plan = {
        warningSigns: ['plan kept across rotation'],
        calmingActions: [],
        distractions: [],
        helpers: [],
        professionals: [],
        saferSurroundings: [],
      };
      await t.request().put('/api/me/safety-plan').set('Authorization', user.auth).send(plan).expect(200);
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
      const readPlan = await t
        .request()
        .get('/api/me/safety-plan')
        .set('Authorization', `Bearer ${login.body.tokens.accessToken}`)
        .expect(200);
      expect(readPlan.body.warningSigns).toEqual(plan.warningSigns);
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

describe('Master key rotation - group keys', () => {
  it('re-wraps every group key too: sealed messages and meeting places read with the new key, and only with it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-rotate-'));
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32);
    const env = { DATA_DIR: dataDir, MASTER_KEY: oldKey, JWT_SECRET: 'r'.repeat(40) };
    try {
      let t = await createTestApp({ env, keepDataDir: true });
      const admin = await registerUser(t);
      const facilitator = await createAccount(t, admin, 'facilitator');
      const group = await createGroup(t, facilitator);
      const other = await createGroup(t, facilitator, { name: 'Thursday circle' });
      await addActiveMember(t, facilitator, group.id, admin, 'Admin');
      const socket = await connect(t, admin);
      expect(await socket.emitWithAck('group:join', { groupId: group.id })).toMatchObject({ ok: true });
      const sent = await socket.emitWithAck('message:send', {
        groupId: group.id,
        clientId: randomUUID(),
        body: 'said before rotation',
      });
      expect(sent.ok).toBe(true);
      await t
        .request()
        .post(`/api/groups/${other.id}/meetings`)
        .set('Authorization', facilitator.auth)
        .send({
          title: 'Circle',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          durationMinutes: 60,
          location: 'The blue room',
        })
        .expect(201);
      await t.close();

      expect(await rotateMasterKey(loadConfig(env), newKey)).toEqual({ journalKeys: 0, groupKeys: 2 });

      const signedIn = async (app: TestApp, user: TestUser) => {
        const login = await signIn(app, user.email, user.password).expect(200);
        return `Bearer ${login.body.tokens.accessToken}`;
      };
      t = await createTestApp({ env: { ...env, MASTER_KEY: newKey.toString('base64') }, keepDataDir: true });
      const auth = await signedIn(t, facilitator);
      const page = await t
        .request()
        .get(`/api/groups/${group.id}/messages`)
        .set('Authorization', auth)
        .expect(200);
      expect(page.body.map((m: { body: string }) => m.body)).toContain('said before rotation');
      const meetings = await t
        .request()
        .get(`/api/groups/${other.id}/meetings`)
        .set('Authorization', auth)
        .expect(200);
      expect(meetings.body[0].location).toBe('The blue room');
      await t.close();

      t = await createTestApp({ env, keepDataDir: true });
      const stale = await signedIn(t, facilitator);
      await t.request().get(`/api/groups/${group.id}/messages`).set('Authorization', stale).expect(500);
      await t.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
