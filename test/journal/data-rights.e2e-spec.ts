import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

import { Ajv } from 'ajv';
import { strFromU8 } from 'fflate';
import { DataSource } from 'typeorm';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { connect, disconnected } from '../support/sockets.js';
import {
  createAccount,
  exportOf as exportFiles,
  registerUser,
  signIn,
  type TestUser,
} from '../support/users.js';

describe('Data rights - POST /api/me/export, DELETE /api/me', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let mia: TestUser;
  let noor: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    mia = await registerUser(t, { displayName: 'Mia' });
    noor = await registerUser(t, { displayName: 'Noor' });
    group = await createGroup(t, facilitator, { capacity: 5 });
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    await addActiveMember(t, facilitator, group.id, noor, 'Noor');
    const miaSocket = await connect(t, mia);
    await miaSocket.emitWithAck('group:join', { groupId: group.id });
    await miaSocket.emitWithAck('message:send', {
      groupId: group.id,
      clientId: randomUUID(),
      body: 'Mia says hello',
    });
    const noorSocket = await connect(t, noor);
    await noorSocket.emitWithAck('group:join', { groupId: group.id });
    await noorSocket.emitWithAck('message:send', {
      groupId: group.id,
      clientId: randomUUID(),
      body: 'Noor private thought',
    });
    await t
      .request()
      .post('/api/journal/entries')
      .set('Authorization', mia.auth)
      .send({ title: 'Week 2', body: 'The fog lifted a little.', tags: ['hope'], mood: 6 })
      .expect(201);
    await t
      .request()
      .post('/api/journal/entries')
      .set('Authorization', noor.auth)
      .send({ body: 'Noor journal line' })
      .expect(201);
  });

  afterEach(async () => {
    await t.close();
  });

  const exportOf = (user: TestUser) => exportFiles(t, user);

  it('requires authentication', async () => {
    await t.request().post('/api/me/export').expect(401);
    await t.request().delete('/api/me').send({ password: 'x' }).expect(401);
  });

  it('exports a zip whose JSON matches the documented schema, with my data and none of another member’s messages', async () => {
    const files = await exportOf(mia);
    expect(Object.keys(files).sort()).toEqual(['hearth-export.json', 'journal.md']);
    const data = JSON.parse(strFromU8(files['hearth-export.json']));
    const schema = JSON.parse(
      readFileSync(new URL('../../docs/export.schema.json', import.meta.url), 'utf8'),
    );
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(data)).toBe(true);

    expect(data.account).toMatchObject({ id: mia.id, email: mia.email, displayName: 'Mia' });
    expect(data.groups.memberships).toEqual([
      expect.objectContaining({ groupId: group.id, pseudonym: 'Mia', status: 'active' }),
    ]);
    expect(data.messages.map((m: { body: string }) => m.body)).toEqual(['Mia says hello']);
    expect(data.journal.entries).toEqual([
      expect.objectContaining({ title: 'Week 2', body: 'The fog lifted a little.', tags: ['hope'], mood: 6 }),
    ]);
    const everything = strFromU8(files['hearth-export.json']) + strFromU8(files['journal.md']);
    expect(everything).not.toContain('Noor private thought');
    expect(everything).not.toContain('Noor journal line');
    expect(everything).not.toContain(noor.email);
    expect(strFromU8(files['journal.md'])).toContain('The fog lifted a little.');
  });

  it('erases the account: journal unreadable and gone, login fails, messages tombstoned, seat freed, sockets closed', async () => {
    const socket = await connect(t, mia);
    const closed = disconnected(socket);
    const db = t.app.get(DataSource);
    const [{ body_ct: ciphertext }] = await db.query(
      'SELECT body_ct FROM journal_entries WHERE user_id = ?',
      [mia.id],
    );
    expect(ciphertext).toBeTruthy();

    await t
      .request()
      .delete('/api/me')
      .set('Authorization', mia.auth)
      .send({ password: 'not my password' })
      .expect(400);
    await t
      .request()
      .delete('/api/me')
      .set('Authorization', mia.auth)
      .send({ password: mia.password })
      .expect(204);
    await closed;

    expect(await db.query('SELECT * FROM journal_keys WHERE user_id = ?', [mia.id])).toEqual([]);
    expect(await db.query('SELECT * FROM journal_entries WHERE user_id = ?', [mia.id])).toEqual([]);
    await signIn(t, mia.email, mia.password).expect(401);
    await t.request().get('/api/me').set('Authorization', mia.auth).expect(401);

    const history = await t
      .request()
      .get(`/api/groups/${group.id}/messages`)
      .set('Authorization', noor.auth)
      .expect(200);
    expect(
      history.body.map((m: { body: string | null; deleted: boolean; author: unknown }) => [
        m.body,
        m.deleted,
        m.author === null,
      ]),
    ).toEqual([
      [null, true, true],
      ['Noor private thought', false, false],
    ]);
    const card = await t
      .request()
      .get(`/api/groups/${group.id}`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect(card.body.seatsLeft).toBe(4);
    const audit = await t
      .request()
      .get(`/api/groups/${group.id}/audit`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect(JSON.stringify(audit.body)).not.toContain(mia.id);

    // Another member's data is untouched.
    const files = await exportOf(noor);
    const data = JSON.parse(strFromU8(files['hearth-export.json']));
    expect(data.journal.entries.map((e: { body: string }) => e.body)).toEqual(['Noor journal line']);
    expect(data.messages.map((m: { body: string }) => m.body)).toEqual(['Noor private thought']);
  });

  it('deletes the messages outright where the instance says ERASURE_MESSAGES=delete', async () => {
    await t.close();
    t = await createTestApp({ env: { ERASURE_MESSAGES: 'delete' } });
    const first = await registerUser(t, { displayName: 'Admin' });
    const fac = await createAccount(t, first, 'facilitator');
    const member = await registerUser(t);
    const g = await createGroup(t, fac);
    await addActiveMember(t, fac, g.id, member, 'Sol');
    const socket = await connect(t, member);
    await socket.emitWithAck('group:join', { groupId: g.id });
    await socket.emitWithAck('message:send', { groupId: g.id, clientId: randomUUID(), body: 'gone soon' });
    await t
      .request()
      .delete('/api/me')
      .set('Authorization', member.auth)
      .send({ password: member.password })
      .expect(204);
    const history = await t
      .request()
      .get(`/api/groups/${g.id}/messages`)
      .set('Authorization', fac.auth)
      .expect(200);
    expect(history.body).toEqual([]);
  });

  it('refuses to erase the last admin', async () => {
    const response = await t
      .request()
      .delete('/api/me')
      .set('Authorization', admin.auth)
      .send({ password: admin.password })
      .expect(409);
    expect(response.body.message).toMatch(/last admin/);
    await t.request().delete('/api/me').set('Authorization', admin.auth).send({}).expect(400);
  });
});
