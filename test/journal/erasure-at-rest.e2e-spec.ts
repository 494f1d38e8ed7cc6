import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

import { DataSource } from 'typeorm';

import { RetentionService } from '@hearth/chat';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { connect, type ClientSocket } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

/**
 * What is erased or deleted is gone from the database files themselves: the SQLite main file and its WAL are read
 * byte by byte for the person's markers, as someone holding a copy of the files would. Message text is sealed at
 * rest (test/chat/sealed-at-rest.e2e-spec.ts), so its markers are never there; what is looked for instead is the
 * ciphertext itself, which must be gone too.
 */
describe('Nothing recoverable in the database files after erasure, deletion and retention', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let group: GroupCard;
  const marker = () => `zq${randomUUID().replace(/-/g, '').slice(0, 14)}`;

  beforeEach(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '1000' } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    group = await createGroup(t, facilitator);
  });

  afterEach(async () => {
    await t.close();
  });

  const files = () => {
    const db = t.config.database;
    if (db.type !== 'sqlite') throw new Error('this test reads SQLite files');
    return [db.file, `${db.file}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file));
  };
  const found = (needle: string | Buffer) => files().some((bytes) => bytes.includes(needle));
  /** The stored (sealed) text of a message and of its earlier versions. */
  const storedTexts = async (messageId: string): Promise<string[]> => {
    const dataSource = t.app.get(DataSource);
    const rows = (await dataSource.query(
      'SELECT body FROM messages WHERE id = ? UNION ALL SELECT body FROM message_edits WHERE message_id = ?',
      [messageId, messageId],
    )) as { body: string }[];
    return rows.map((row) => row.body);
  };

  async function joined(user: TestUser): Promise<ClientSocket> {
    const socket = await connect(t, user);
    const ack = await socket.emitWithAck('group:join', { groupId: group.id });
    if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
    return socket;
  }

  async function send(socket: ClientSocket, body: string) {
    const ack = await socket.emitWithAck('message:send', { groupId: group.id, clientId: randomUUID(), body });
    if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack)}`);
    return ack.message;
  }

  it('leaves none of an erased person in the files: account, pseudonym, messages, shares, journal key', async () => {
    const name = marker();
    const pseudonym = marker();
    const said = marker();
    const edited = marker();
    const reflection = marker();
    const email = `${marker()}@example.org`;
    const mia = await registerUser(t, { displayName: name, email });
    await addActiveMember(t, facilitator, group.id, mia, pseudonym);
    const socket = await joined(mia);
    const message = await send(socket, `first words ${said}`);
    await socket.emitWithAck('message:edit', { messageId: message.id, body: `better words ${edited}` });
    const entry = await t
      .request()
      .post('/api/journal/entries')
      .set('Authorization', mia.auth)
      .send({ body: `A reflection ${reflection}` })
      .expect(201);
    await t
      .request()
      .post(`/api/journal/entries/${entry.body.id}/shares`)
      .set('Authorization', mia.auth)
      .send({ groupId: group.id, target: 'facilitators' })
      .expect(201);
    await t
      .request()
      .post(`/api/journal/entries/${entry.body.id}/shares`)
      .set('Authorization', mia.auth)
      .send({ groupId: group.id, target: 'group' })
      .expect(201);
    const dataSource = t.app.get(DataSource);
    const [{ wrapped_key: wrappedKey }] = await dataSource.query(
      'SELECT wrapped_key FROM journal_keys WHERE user_id = ?',
      [mia.id],
    );
    const [{ password_hash: passwordHash }] = await dataSource.query(
      'SELECT password_hash FROM users WHERE id = ?',
      [mia.id],
    );
    const sealed = await storedTexts(message.id);
    expect(sealed).toHaveLength(2);
    for (const needle of [name, email, pseudonym, mia.id, wrappedKey, passwordHash, ...sealed]) {
      expect([needle, found(needle)]).toEqual([needle, true]);
    }
    expect([found(said), found(edited)]).toEqual([false, false]);

    await t
      .request()
      .delete('/api/me')
      .set('Authorization', mia.auth)
      .send({ password: mia.password })
      .expect(204);

    const left = [
      name,
      email,
      pseudonym,
      said,
      edited,
      reflection,
      mia.id,
      wrappedKey,
      passwordHash,
      ...sealed,
    ].filter((needle) => found(needle));
    expect(left).toEqual([]);
  });

  it('leaves no trace of a message its author deleted, nor of its earlier versions', async () => {
    const wren = await registerUser(t);
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    const socket = await joined(wren);
    const first = marker();
    const second = marker();
    const message = await send(socket, `words ${first}`);
    await socket.emitWithAck('message:edit', { messageId: message.id, body: `other words ${second}` });
    const sealed = await storedTexts(message.id);
    expect(sealed.map(found)).toEqual([true, true]);
    expect([found(first), found(second)]).toEqual([false, false]);
    expect(await socket.emitWithAck('message:delete', { messageId: message.id })).toMatchObject({ ok: true });
    expect(sealed.filter(found)).toEqual([]);
  });

  it('leaves no trace of messages retention removed', async () => {
    const wren = await registerUser(t);
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    const socket = await joined(wren);
    const old = marker();
    const message = await send(socket, `long ago ${old}`);
    const sealed = await storedTexts(message.id);
    expect(sealed.map(found)).toEqual([true]);
    expect(found(old)).toBe(false);
    await t
      .request()
      .put(`/api/groups/${group.id}/retention`)
      .set('Authorization', facilitator.auth)
      .send({ days: 30 })
      .expect(200);
    t.clock.advance(31 * 86_400_000);
    expect(await t.app.get(RetentionService).purge()).toBe(1);
    expect(sealed.filter(found)).toEqual([]);
    expect(found(old)).toBe(false);
  });
});
