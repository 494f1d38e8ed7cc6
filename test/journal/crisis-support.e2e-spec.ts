import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

import { DataSource } from 'typeorm';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until, type ClientSocket } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

/** The tables a journal write may touch: the member's own sealed rows and their blind index. */
const SEALED_JOURNAL_TABLES = ['journal_entries', 'journal_entry_tokens'];
const CRISIS = 'I want to kill myself tonight';

/**
 * A private entry in crisis words: its writer is offered help in the page (`support` in the response) and nobody
 * else is told. Nothing is stored about it, nothing is logged, no incident, no alert, no event to any socket.
 */
describe('Crisis words in a private journal entry - POST/PATCH /api/journal/entries', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let admin: TestUser;
  let mia: TestUser;
  let group: GroupCard;
  const sockets: ClientSocket[] = [];

  beforeEach(async () => {
    t = await createTestApp({ captureLogs: true });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    mia = await registerUser(t, { displayName: 'Mia' });
    group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await t.close();
  });

  const write = (body: object) =>
    t.request().post('/api/journal/entries').set('Authorization', mia.auth).send(body);
  const edit = (id: string, body: object) =>
    t.request().patch(`/api/journal/entries/${id}`).set('Authorization', mia.auth).send(body);

  /** Every row of every table outside the member's sealed journal rows, as text. */
  async function everythingElse(): Promise<Record<string, string>> {
    const db = t.app.get(DataSource);
    const tables = (await db.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )) as { name: string }[];
    const dump: Record<string, string> = {};
    for (const { name } of tables) {
      if (SEALED_JOURNAL_TABLES.includes(name)) continue;
      dump[name] = JSON.stringify(await db.query(`SELECT * FROM "${name}" ORDER BY 1`));
    }
    return dump;
  }

  function inFiles(needle: string): boolean {
    const db = t.config.database;
    if (db.type !== 'sqlite') throw new Error('this test reads SQLite files');
    return [db.file, `${db.file}-wal`]
      .filter((file) => existsSync(file))
      .some((file) => readFileSync(file).includes(needle));
  }

  async function joined(user: TestUser): Promise<ClientSocket> {
    const socket = await connect(t, user);
    sockets.push(socket);
    const ack = await socket.emitWithAck('group:join', { groupId: group.id });
    if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
    return socket;
  }

  it('answers support for crisis words, null otherwise, on create and on edit', async () => {
    const plain = await write({ body: 'Slept four hours, the baby smiled.' }).expect(201);
    expect(plain.body.support).toBeNull();

    const crisis = await write({ body: CRISIS }).expect(201);
    expect(crisis.body).toMatchObject({
      body: CRISIS,
      support: { tier: 'urgent', language: 'en', intrusive: false },
    });
    expect(Object.keys(crisis.body.support).sort()).toEqual(['intrusive', 'language', 'tier']);

    const edited = await edit(plain.body.id, { body: CRISIS }).expect(200);
    expect(edited.body.support).toMatchObject({ tier: 'urgent', language: 'en' });
    const calmer = await edit(crisis.body.id, { body: 'A better morning.' }).expect(200);
    expect(calmer.body.support).toBeNull();
    const titleOnly = await edit(calmer.body.id, { title: CRISIS }).expect(200);
    expect(titleOnly.body.support).not.toBeNull();

    const spanish = await write({ body: 'quiero matarme esta noche' }).expect(201);
    expect(spanish.body.support).toMatchObject({ language: 'es' });
    const intrusive = await write({
      body: 'I keep having horrible thoughts of hurting my baby and it terrifies me',
    }).expect(201);
    expect(intrusive.body.support).toMatchObject({ intrusive: true, language: 'en' });

    const read = await t
      .request()
      .get(`/api/journal/entries/${crisis.body.id}`)
      .set('Authorization', mia.auth);
    expect(read.body).not.toHaveProperty('support');
  });

  it('tells nobody: no row outside her sealed entry, no plaintext in the files, no alert, no log line', async () => {
    const facilitatorSocket = await joined(facilitator);
    const adminSocket = await connect(t, admin);
    sockets.push(adminSocket);
    const miaSocket = await joined(mia);
    const alerts = collect(facilitatorSocket, 'safety:alert');
    const adminAlerts = collect(adminSocket, 'safety:alert');
    const pushed = collect(miaSocket, 'safety:resources');
    const everyEvent: string[] = [];
    for (const socket of [facilitatorSocket, adminSocket])
      socket.onAny((event: string) => everyEvent.push(event));

    await write({ body: 'A first, ordinary entry so that my journal key exists.' }).expect(201);
    const before = await everythingElse();
    const logsBefore = t.logs.length;

    const entry = await write({ body: CRISIS, title: 'tonight', mood: undefined }).expect(201);
    expect(entry.body.support).not.toBeNull();
    await edit(entry.body.id, { body: `${CRISIS}, again` }).expect(200);

    expect(await everythingElse()).toEqual(before);
    expect(inFiles('kill myself')).toBe(false);
    const newLogs = t.logs.slice(logsBefore).join('');
    expect(newLogs).not.toMatch(/crisis|urgent|concern|support|incident|safety|kill/i);
    expect(t.logs.length - logsBefore).toBeLessThanOrEqual(2);

    const incidents = await t
      .request()
      .get(`/api/groups/${group.id}/moderation/incidents`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect(incidents.body).toEqual([]);

    // The same words said in the group do reach the facilitator: the sockets were listening all along.
    const ack = await miaSocket.emitWithAck('message:send', {
      groupId: group.id,
      clientId: randomUUID(),
      body: CRISIS,
    });
    expect(ack.ok).toBe(true);
    await until(() => alerts.length === 1 && pushed.length === 1, 'the alert for the chat message');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].messageId).not.toBeNull();
    expect(pushed).toHaveLength(1);
    expect(adminAlerts).toEqual([]);
    expect(everyEvent.filter((event) => event.startsWith('safety:') && event !== 'safety:alert')).toEqual([]);
  });
});
