import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import { Durability } from '@hearth/core';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { postgresAvailable, postgresEnv } from '../support/postgres.js';
import { connect } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

/**
 * SQLite commits at `synchronous = NORMAL` and the log is synced off the event loop before anything is
 * reported (docs/decisions.md, "Durable without blocking"): acks, replies to changes and broadcasts wait for a
 * sync; reads do not.
 */
describe('Durable replies on SQLite', () => {
  let t: TestApp;
  let durability: Durability;
  let member: TestUser;
  let groupId: string;

  beforeAll(async () => {
    t = await createTestApp();
    durability = t.app.get(Durability);
    const admin = await registerUser(t);
    const facilitator = await createAccount(t, admin, 'facilitator');
    groupId = (await createGroup(t, facilitator)).id;
    member = await registerUser(t);
    await addActiveMember(t, facilitator, groupId, member, 'Rowan');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('commits without a sync of its own and syncs the log before it reports', async () => {
    const [{ synchronous }] = await t.app
      .get(DataSource)
      .query<{ synchronous: number }[]>('PRAGMA synchronous');
    expect(synchronous).toBe(1);
    expect(durability.needed).toBe(true);

    const socket = await connect(t, member);
    await socket.emitWithAck('group:join', { groupId });
    const beforeSend = durability.stats;
    const ack = await socket.emitWithAck('message:send', {
      groupId,
      clientId: randomUUID(),
      body: 'hello all',
    });
    expect(ack.ok).toBe(true);
    const afterSend = durability.stats;
    expect(afterSend.calls).toBeGreaterThan(beforeSend.calls);
    expect(afterSend.syncs).toBeGreaterThan(beforeSend.syncs);

    const entry = await t
      .request()
      .post('/api/journal/entries')
      .set('authorization', member.auth)
      .send({ title: 'Evening', body: 'A quiet day.' });
    expect(entry.status).toBe(201);
    expect(durability.stats.calls).toBeGreaterThan(afterSend.calls);
  });

  it('answers reads without waiting for the disk', async () => {
    const before = durability.stats.calls;
    for (let i = 0; i < 5; i++) {
      const page = await t.request().get(`/api/groups/${groupId}/messages`).set('authorization', member.auth);
      expect(page.status).toBe(200);
    }
    expect(durability.stats.calls).toBe(before);
  });
});

const pg = await postgresAvailable();
(pg ? describe : describe.skip)('Durable replies on PostgreSQL', () => {
  let t: TestApp;
  let database: string;

  beforeAll(async () => {
    database = await pg!.createDatabase('hearth_durability');
    t = await createTestApp({ env: postgresEnv(pg!, database) });
  });

  afterAll(async () => {
    await t?.close();
    await pg!.dropDatabase(database);
  });

  it('has nothing to sync: a commit is durable when it returns', async () => {
    const durability = t.app.get(Durability);
    expect(durability.needed).toBe(false);
    const user = await registerUser(t);
    expect(user.id).toBeTruthy();
    expect(durability.stats).toEqual({ calls: 0, syncs: 0 });
  });
});
