import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';

import { EventEmitter2 } from '@nestjs/event-emitter';
import { strFromU8, unzipSync } from 'fflate';
import { DataSource } from 'typeorm';

import { INTEGRITY_MESSAGE, IntegrityError, relayed } from '@hearth/core';
import { GroupEvents, GroupKeys } from '@hearth/groups';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { connect, type ClientSocket } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

/**
 * Conversations are sealed at rest (issue 14, item 15): the SQLite main file and its WAL are read byte by byte,
 * as someone holding a copy of the files would, and hold none of what was said.
 */
describe('Conversations sealed at rest', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let group: GroupCard;
  const marker = () => `zq${randomUUID().replace(/-/g, '').slice(0, 14)}`;

  beforeEach(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '1000' }, keepDataDir: true });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    group = await createGroup(t, facilitator, { visibility: 'listed' });
  });

  afterEach(async () => {
    await t.close();
    rmSync(t.config.dataDir, { recursive: true, force: true });
  });

  const files = () => {
    const db = t.config.database;
    if (db.type !== 'sqlite') throw new Error('this test reads SQLite files');
    return [db.file, `${db.file}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file));
  };
  const found = (needle: string) => files().some((bytes) => bytes.includes(needle));
  const sql = <T>(query: string, parameters: unknown[] = []) =>
    t.app.get(DataSource).query(query, parameters) as Promise<T[]>;
  const api = (user: TestUser) => ({
    get: (path: string) => t.request().get(`/api/groups/${group.id}${path}`).set('Authorization', user.auth),
    post: (path: string, body: object = {}) =>
      t.request().post(`/api/groups/${group.id}${path}`).set('Authorization', user.auth).send(body),
  });

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

  /** Everything the issue names, each with a marker of its own; answers the markers and what the API read back. */
  async function converse() {
    const m = {
      said: marker(),
      edited: marker(),
      reportNote: marker(),
      resolution: marker(),
      incidentNote: marker(),
      muteReason: marker(),
      joinMessage: marker(),
      decisionNote: marker(),
      location: marker(),
      video: marker(),
    };
    const mia = await registerUser(t);
    const ash = await registerUser(t);
    const applicant = await registerUser(t);
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
    const socket = await joined(mia);
    const message = await send(socket, `first words ${m.said}`);
    const edit = await socket.emitWithAck('message:edit', {
      messageId: message.id,
      body: `better ${m.edited}`,
    });
    expect(edit).toMatchObject({ ok: true, message: { body: `better ${m.edited}` } });
    const crisis = await send(socket, 'some days I want to die');

    const report = await api(ash)
      .post(`/messages/${message.id}/reports`, { reason: 'harassment', note: `see ${m.reportNote}` })
      .expect(201);
    await api(facilitator)
      .post(`/moderation/reports/${report.body.id}/resolve`, { outcome: 'dismissed', note: m.resolution })
      .expect(200);
    const incidents = await api(facilitator).get('/moderation/incidents').expect(200);
    const incident = incidents.body.find((i: { messageId: string }) => i.messageId === crisis.id);
    await api(facilitator)
      .post(`/moderation/incidents/${incident.id}/acknowledge`, { note: `called ${m.incidentNote}` })
      .expect(200);
    await api(facilitator)
      .post('/moderation/mutes', { userId: ash.id, minutes: 60, reason: `because ${m.muteReason}` })
      .expect(201);
    const request = await api(applicant)
      .post('/join-requests', { pseudonym: 'Wren', message: `hello ${m.joinMessage}` })
      .expect(201);
    await api(facilitator)
      .post(`/join-requests/${request.body.id}/decline`, { note: `sorry ${m.decisionNote}` })
      .expect(200);
    await api(facilitator)
      .post('/meetings', {
        title: 'Circle',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        durationMinutes: 60,
        location: `Room ${m.location}`,
        videoUrl: `https://meet.example.org/${m.video}`,
      })
      .expect(201);
    return { m, mia, message, socket };
  }

  it('leaves no message, edit, note, reason, join-request message or meeting place in the files; the API reads them all', async () => {
    const { m, mia, message } = await converse();

    expect(Object.values(m).filter(found)).toEqual([]);

    const one = await api(mia).get(`/messages/${message.id}`).expect(200);
    expect(one.body.body).toBe(`better ${m.edited}`);
    expect(one.body.history.map((h: { body: string }) => h.body)).toEqual([`first words ${m.said}`]);
    const incidents = await api(facilitator).get('/moderation/incidents').expect(200);
    expect(JSON.stringify(incidents.body)).toContain(m.incidentNote);
    const audit = await api(facilitator).get('/audit').expect(200);
    expect(JSON.stringify(audit.body)).toContain(m.muteReason);
    expect(JSON.stringify(audit.body)).toContain(m.resolution);
    const requests = await api(facilitator).get('/join-requests').expect(200);
    expect(requests.body[0]).toMatchObject({
      message: `hello ${m.joinMessage}`,
      decisionNote: `sorry ${m.decisionNote}`,
    });
    const meetings = await api(mia).get('/meetings').expect(200);
    expect(meetings.body[0]).toMatchObject({
      location: `Room ${m.location}`,
      videoUrl: `https://meet.example.org/${m.video}`,
    });
    const exported = await t
      .request()
      .post('/api/me/export')
      .set('Authorization', mia.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const json = strFromU8(unzipSync(new Uint8Array(exported.body as Buffer))['hearth-export.json']);
    expect(json).toContain(`better ${m.edited}`);

    const [stored] = await sql<{ body: string }>('SELECT body FROM messages WHERE id = ?', [message.id]);
    expect(stored.body).toMatch(/^v1\./);
  });

  it('refuses a ciphertext moved to another row with a clear error, over HTTP and on the socket, never garbage', async () => {
    const mia = await registerUser(t);
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    const socket = await joined(mia);
    const secret = await send(socket, `private ${marker()}`);
    const other = await send(socket, 'hello');
    await sql('UPDATE messages SET body = (SELECT body FROM messages WHERE id = ?) WHERE id = ?', [
      secret.id,
      other.id,
    ]);

    const one = await api(mia).get(`/messages/${other.id}`).expect(500);
    expect(one.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: INTEGRITY_MESSAGE,
    });
    const page = await api(mia).get('/messages').expect(500);
    expect(page.body.message).toBe(INTEGRITY_MESSAGE);
    const rejoin = await (
      await connect(t, mia)
    ).emitWithAck('group:join', { groupId: group.id, sinceSeq: 0 });
    expect(rejoin).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTEGRITY_MESSAGE } });

    const [meeting] = await sql<{ id: string }>('SELECT id FROM meetings');
    expect(meeting).toBeUndefined();
    const keys = t.app.get(GroupKeys);
    const sealed = await keys.seal(group.id, { table: 'meetings', id: 'a', field: 'location' }, 'Room 4');
    await expect(
      keys.open(group.id, { table: 'meetings', id: 'b', field: 'location' }, sealed),
    ).rejects.toThrow(IntegrityError);
    await expect(
      keys.open(group.id, { table: 'meetings', id: 'a', field: 'video_url' }, sealed),
    ).rejects.toThrow(IntegrityError);
    expect(await keys.open(group.id, { table: 'meetings', id: 'a', field: 'location' }, sealed)).toBe(
      'Room 4',
    );
  });

  it('refuses an edited message whose earlier ciphertext is put back (bound to its version)', async () => {
    const mia = await registerUser(t);
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    const socket = await joined(mia);
    const message = await send(socket, 'first version');
    const [before] = await sql<{ body: string }>('SELECT body FROM messages WHERE id = ?', [message.id]);
    await socket.emitWithAck('message:edit', { messageId: message.id, body: 'second version' });
    await sql('UPDATE messages SET body = ? WHERE id = ?', [before.body, message.id]);
    await api(mia).get(`/messages/${message.id}`).expect(500);
  });

  it('erases an archived group for good: its key destroyed, nothing of it left in the files or openable', async () => {
    const { m, message } = await converse();
    const [key] = await sql<{ wrapped_key: string }>(
      'SELECT wrapped_key FROM group_keys WHERE group_id = ?',
      [group.id],
    );
    const [stored] = await sql<{ body: string }>('SELECT body FROM messages WHERE id = ?', [message.id]);
    const sealedNotes = await sql<{ note: string }>('SELECT note FROM incident_notes');
    const place = { table: 'messages', id: message.id, field: 'body', version: 0 };
    expect([key.wrapped_key, stored.body, sealedNotes[0].note].map(found)).toEqual([true, true, true]);

    await t.request().delete(`/api/groups/${group.id}`).set('Authorization', admin.auth).expect(409);
    await api(facilitator).post('/archive').expect(200);
    await t.request().delete(`/api/groups/${group.id}`).set('Authorization', facilitator.auth).expect(403);
    await t.request().delete(`/api/groups/${group.id}`).set('Authorization', admin.auth).expect(204);

    expect([key.wrapped_key, stored.body, sealedNotes[0].note].filter(found)).toEqual([]);
    expect(Object.values(m).filter(found)).toEqual([]);
    for (const table of [
      'group_keys',
      'messages',
      'message_edits',
      'reports',
      'incidents',
      'incident_notes',
    ]) {
      expect([table, await sql(`SELECT * FROM ${table}`)]).toEqual([table, []]);
    }
    expect(await sql('SELECT * FROM audit_events WHERE group_id = ?', [group.id])).toEqual([]);
    expect(await sql('SELECT * FROM join_requests')).toEqual([]);
    expect(await sql('SELECT * FROM meetings')).toEqual([]);
    // A copy of the ciphertext (a backup) no longer opens: the key is gone from this node's memory too.
    await expect(t.app.get(GroupKeys).open(group.id, place, stored.body)).rejects.toThrow(IntegrityError);
    await t.request().delete(`/api/groups/${group.id}`).set('Authorization', admin.auth).expect(404);
  });

  it('forgets a group key erased on another node when that node tells this one', async () => {
    const mia = await registerUser(t);
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    const socket = await joined(mia);
    const message = await send(socket, 'cached');
    const [stored] = await sql<{ body: string }>('SELECT body FROM messages WHERE id = ?', [message.id]);
    const place = { table: 'messages', id: message.id, field: 'body', version: 0 };
    const keys = t.app.get(GroupKeys);
    expect(await keys.open(group.id, place, stored.body)).toBe('cached');
    // What another node's erasure does to the shared database, then its relayed event.
    await sql('DELETE FROM group_keys WHERE group_id = ?', [group.id]);
    expect(await keys.open(group.id, place, stored.body)).toBe('cached');
    t.app.get(EventEmitter2).emit(relayed(GroupEvents.groupErased), { groupId: group.id });
    await expect(keys.open(group.id, place, stored.body)).rejects.toThrow(IntegrityError);
  });

  it('seals plaintext written before sealing at the next start, and reads it back', async () => {
    const { message } = await (async () => {
      const mia = await registerUser(t);
      await addActiveMember(t, facilitator, group.id, mia, 'Mia');
      const socket = await joined(mia);
      return { message: await send(socket, 'placeholder'), mia };
    })();
    const legacy = { body: marker(), edit: marker(), mute: marker(), location: marker() };
    const [{ user_id: userId }] = await sql<{ user_id: string }>(
      'SELECT author_user_id AS user_id FROM messages WHERE id = ?',
      [message.id],
    );
    await sql('UPDATE messages SET body = ? WHERE id = ?', [`old ${legacy.body}`, message.id]);
    await sql(
      "INSERT INTO message_edits (id, message_id, body, replaced_at) VALUES (?, ?, ?, '2026-01-01 00:00:00.000')",
      [randomUUID(), message.id, `older ${legacy.edit}`],
    );
    await sql(
      "INSERT INTO mutes (id, group_id, user_id, muted_by, reason, created_at) VALUES (?, ?, ?, ?, ?, '2026-01-01 00:00:00.000')",
      [randomUUID(), group.id, userId, facilitator.id, `old ${legacy.mute}`],
    );
    await sql(
      "INSERT INTO meetings (id, group_id, title, starts_at, duration_minutes, location, created_by, created_at, updated_at) VALUES (?, ?, 'Old', '2030-01-01 00:00:00.000', 60, ?, ?, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')",
      [randomUUID(), group.id, `Hall ${legacy.location}`, facilitator.id],
    );
    // Not yet sealed: what the backfill is for (and the API still reads it meanwhile).
    expect((await api(facilitator).get(`/messages/${message.id}`).expect(200)).body.body).toBe(
      `old ${legacy.body}`,
    );

    // The next start seals them (the master key and JWT secret live in DATA_DIR/secrets, and stay).
    await t.close();
    t = await createTestApp({
      env: { CHAT_RATE_LIMIT: '1000', DATA_DIR: t.config.dataDir },
      keepDataDir: true,
    });

    expect(Object.values(legacy).filter(found)).toEqual([]);
    const one = await api(facilitator).get(`/messages/${message.id}`).expect(200);
    expect(one.body.body).toBe(`old ${legacy.body}`);
    expect(one.body.history[0].body).toBe(`older ${legacy.edit}`);
    const meetings = await api(facilitator).get('/meetings').expect(200);
    expect(meetings.body[0].location).toBe(`Hall ${legacy.location}`);
    // Idempotent: a second start seals nothing twice.
    const before = await sql<{ body: string }>('SELECT body FROM messages WHERE id = ?', [message.id]);
    await t.close();
    t = await createTestApp({
      env: { CHAT_RATE_LIMIT: '1000', DATA_DIR: t.config.dataDir },
      keepDataDir: true,
    });
    expect(await sql('SELECT body FROM messages WHERE id = ?', [message.id])).toEqual(before);
  });
});
