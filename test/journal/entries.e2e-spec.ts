import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { createTestApp, type TestApp } from '../support/app.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

describe('Journal entries - /api/journal/entries', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let mia: TestUser;
  let noor: TestUser;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    mia = await registerUser(t);
    noor = await registerUser(t);
  });

  afterEach(async () => {
    await t.close();
  });

  const write = (user: TestUser, body: object) =>
    t.request().post('/api/journal/entries').set('Authorization', user.auth).send(body);
  const list = async (user: TestUser, query = '') =>
    (await t.request().get(`/api/journal/entries${query}`).set('Authorization', user.auth).expect(200))
      .body as { id: string; body: string }[];

  it('requires authentication on every route', async () => {
    await t.request().post('/api/journal/entries').send({ body: 'x' }).expect(401);
    await t.request().get('/api/journal/entries').expect(401);
    await t.request().get('/api/journal/entries/8d3a3f8e-1111-4a4a-9b9b-123456789abc').expect(401);
    await t.request().patch('/api/journal/entries/8d3a3f8e-1111-4a4a-9b9b-123456789abc').send({}).expect(401);
    await t.request().delete('/api/journal/entries/8d3a3f8e-1111-4a4a-9b9b-123456789abc').expect(401);
    await t.request().get('/api/journal/sessions').expect(401);
  });

  it('writes, reads, edits and deletes my entries, newest first', async () => {
    const first = await write(mia, {
      title: 'After session 3',
      body: 'I saw my mother in the light.',
      tags: [' Family ', 'family', 'Light'],
      mood: 6,
    }).expect(201);
    expect(first.body).toMatchObject({
      title: 'After session 3',
      body: 'I saw my mother in the light.',
      tags: ['family', 'light'],
      mood: 6,
    });
    t.clock.advance(1000);
    const second = await write(mia, { body: 'Slept well for once.' }).expect(201);
    expect((await list(mia)).map((e) => e.id)).toEqual([second.body.id, first.body.id]);

    const edited = await t
      .request()
      .patch(`/api/journal/entries/${first.body.id}`)
      .set('Authorization', mia.auth)
      .send({ body: 'I saw my mother in the warm light.' })
      .expect(200);
    expect(edited.body).toMatchObject({
      title: 'After session 3',
      body: 'I saw my mother in the warm light.',
      tags: ['family', 'light'],
    });
    await t
      .request()
      .delete(`/api/journal/entries/${second.body.id}`)
      .set('Authorization', mia.auth)
      .expect(204);
    expect((await list(mia)).map((e) => e.id)).toEqual([first.body.id]);
  });

  it('finds entries by word regardless of case and accents, whole words only, all words required', async () => {
    const a = (await write(mia, { body: 'Mañana I will call my Sister about the birth.' }).expect(201)).body
      .id;
    const b = (await write(mia, { body: 'The sisterhood of the circle carried me.' }).expect(201)).body.id;
    await write(noor, { body: 'My sister visited.' }).expect(201);
    expect((await list(mia, '?q=SISTER')).map((e) => e.id)).toEqual([a]);
    expect((await list(mia, '?q=manana')).map((e) => e.id)).toEqual([a]);
    expect((await list(mia, '?q=sister%20birth')).map((e) => e.id)).toEqual([a]);
    expect((await list(mia, '?q=sister%20circle')).map((e) => e.id)).toEqual([]);
    expect((await list(mia, '?q=sisterhood')).map((e) => e.id)).toEqual([b]);
    expect((await list(mia, '?q=sis')).map((e) => e.id)).toEqual([]);
    // Not across words: "the birth" does not make "thebirth".
    expect((await list(mia, '?q=thebirth')).map((e) => e.id)).toEqual([]);
  });

  it('filters by tag, date range, session and mood', async () => {
    const session = await t
      .request()
      .post('/api/journal/sessions')
      .set('Authorization', mia.auth)
      .send({ date: '2026-11-20', kind: 'Ketamine session 3', intention: 'Meet my fear' })
      .expect(201);
    const low = (
      await write(mia, { body: 'heavy day', tags: ['grief'], mood: 2, sessionId: session.body.id }).expect(
        201,
      )
    ).body.id;
    t.clock.advance(2 * 86_400_000);
    const { renew } = await import('../support/users.js');
    await renew(t, mia);
    const high = (await write(mia, { body: 'light day', tags: ['joy'], mood: 8 }).expect(201)).body.id;
    expect((await list(mia, '?tag=GRIEF')).map((e) => e.id)).toEqual([low]);
    expect((await list(mia, `?sessionId=${session.body.id}`)).map((e) => e.id)).toEqual([low]);
    expect((await list(mia, '?moodMin=5')).map((e) => e.id)).toEqual([high]);
    expect((await list(mia, '?moodMax=3')).map((e) => e.id)).toEqual([low]);
    const cut = new Date(t.clock.now().getTime() - 86_400_000).toISOString();
    expect((await list(mia, `?from=${cut}`)).map((e) => e.id)).toEqual([high]);
    expect((await list(mia, `?to=${cut}`)).map((e) => e.id)).toEqual([low]);
    expect((await list(mia, '?limit=1')).map((e) => e.id)).toEqual([high]);
  });

  it('links an entry to a meeting of my own groups only', async () => {
    const { createGroup, addActiveMember } = await import('../support/groups.js');
    const group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    const meeting = await t
      .request()
      .post(`/api/groups/${group.id}/meetings`)
      .set('Authorization', facilitator.auth)
      .send({ title: 'Circle', startsAt: '2027-01-04T18:00:00Z', durationMinutes: 60 })
      .expect(201);
    const linked = await write(mia, { body: 'after circle', meetingId: meeting.body.id }).expect(201);
    expect(linked.body.meetingId).toBe(meeting.body.id);
    const refused = await write(noor, { body: 'not my circle', meetingId: meeting.body.id }).expect(400);
    expect(refused.body.details[0].field).toBe('meetingId');
  });

  it('refuses another person’s session as a link', async () => {
    const theirs = await t
      .request()
      .post('/api/journal/sessions')
      .set('Authorization', noor.auth)
      .send({ date: '2026-11-20', kind: 'Session 1' })
      .expect(201);
    const response = await write(mia, { body: 'x', sessionId: theirs.body.id }).expect(400);
    expect(response.body.details[0].field).toBe('sessionId');
  });

  it.each([
    [{}, 'body'],
    [{ body: '' }, 'body'],
    [{ body: `${'x'.repeat(20_001)}` }, 'body'],
    [{ body: 'x', mood: 11 }, 'mood'],
    [{ body: 'x', tags: 'grief' }, 'tags'],
    [{ body: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    [{ body: 'x', title: 'x'.repeat(201) }, 'title'],
    [{ body: 'x', sessionId: 'nope' }, 'sessionId'],
    [{ body: 'x', userId: 'someone' }, 'userId'],
  ])('refuses bad body #%#', async (body, field) => {
    const response = await write(mia, body).expect(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  describe('Privacy boundaries', () => {
    it('gives nobody else a way to any entry: other members, facilitators and admins get 404 for every id', async () => {
      const entry = (await write(mia, { body: 'only mine', tags: ['secret'] }).expect(201)).body;
      const session = (
        await t
          .request()
          .post('/api/journal/sessions')
          .set('Authorization', mia.auth)
          .send({ date: '2026-11-20', kind: 'Session 1' })
          .expect(201)
      ).body;
      for (const other of [noor, facilitator, admin]) {
        await t
          .request()
          .get(`/api/journal/entries/${entry.id}`)
          .set('Authorization', other.auth)
          .expect(404);
        await t
          .request()
          .patch(`/api/journal/entries/${entry.id}`)
          .set('Authorization', other.auth)
          .send({ body: 'hijacked' })
          .expect(404);
        await t
          .request()
          .delete(`/api/journal/entries/${entry.id}`)
          .set('Authorization', other.auth)
          .expect(404);
        await t
          .request()
          .patch(`/api/journal/sessions/${session.id}`)
          .set('Authorization', other.auth)
          .send({ kind: 'x' })
          .expect(404);
        await t
          .request()
          .delete(`/api/journal/sessions/${session.id}`)
          .set('Authorization', other.auth)
          .expect(404);
        expect(await list(other)).toEqual([]);
        expect(await list(other, '?q=only')).toEqual([]);
        expect(await list(other, '?tag=secret')).toEqual([]);
      }
      expect(
        (await t.request().get(`/api/journal/entries/${entry.id}`).set('Authorization', mia.auth).expect(200))
          .body.body,
      ).toBe('only mine');
    });

    it('lists no journal route that takes a user id', async () => {
      const docs = await t.request().get('/api/docs-json').expect(200);
      const journalPaths = Object.keys(docs.body.paths).filter((path) => path.includes('/journal'));
      expect(journalPaths.length).toBeGreaterThan(0);
      for (const path of journalPaths) expect(path).not.toMatch(/user/i);
    });
  });

  describe('Encryption at rest', () => {
    it('stores no plaintext of titles, bodies, tags, session kinds or intentions anywhere in the database files, WAL included', async () => {
      const secrets = [
        'Quetzalcoatl-whisper',
        'Marigold-lantern',
        'Obsidian-tide',
        'Velvet-harbour',
        'Ketamine-nebula',
      ];
      await write(mia, {
        title: secrets[0],
        body: `I keep thinking of ${secrets[1]} today`,
        tags: [secrets[2]],
      }).expect(201);
      await t
        .request()
        .post('/api/journal/sessions')
        .set('Authorization', mia.auth)
        .send({ date: '2026-11-20', kind: secrets[4], intention: secrets[3] })
        .expect(201);
      const dir = t.config.dataDir;
      const files = readdirSync(dir).filter((name) => name.startsWith('hearth.db'));
      expect(files).toEqual(expect.arrayContaining(['hearth.db', 'hearth.db-wal']));
      for (const file of files) {
        const raw = readFileSync(join(dir, file));
        for (const secret of secrets) {
          expect(raw.includes(Buffer.from(secret))).toBe(false);
          expect(raw.includes(Buffer.from(secret.toLowerCase()))).toBe(false);
        }
      }
      // ...and the same search still finds it.
      expect(await list(mia, '?q=marigold')).toHaveLength(1);
    });

    it('stores different ciphertext for identical bodies', async () => {
      await write(mia, { body: 'same words' }).expect(201);
      await write(mia, { body: 'same words' }).expect(201);
      const rows = await t.app.get(DataSource).query('SELECT body_ct FROM journal_entries');
      expect(rows).toHaveLength(2);
      expect(rows[0].body_ct).not.toBe(rows[1].body_ct);
    });

    it('refuses to show a tampered entry or one whose ciphertext was moved from another row', async () => {
      const a = (await write(mia, { body: 'first' }).expect(201)).body.id;
      const b = (await write(mia, { body: 'second' }).expect(201)).body.id;
      const db = t.app.get(DataSource);
      const [{ body_ct: fromA }] = await db.query('SELECT body_ct FROM journal_entries WHERE id = ?', [a]);
      await db.query('UPDATE journal_entries SET body_ct = ? WHERE id = ?', [fromA, b]);
      const moved = await t
        .request()
        .get(`/api/journal/entries/${b}`)
        .set('Authorization', mia.auth)
        .expect(500);
      expect(moved.body.message).toBe('This entry failed its integrity check and cannot be shown');
      expect(JSON.stringify(moved.body)).not.toContain('first');

      const parts = String(fromA).split('.');
      const flipped = Buffer.from(parts[3], 'base64url');
      flipped[0] ^= 0xff;
      await db.query('UPDATE journal_entries SET body_ct = ? WHERE id = ?', [
        [...parts.slice(0, 3), flipped.toString('base64url')].join('.'),
        a,
      ]);
      await t.request().get(`/api/journal/entries/${a}`).set('Authorization', mia.auth).expect(500);
    });
  });
});
