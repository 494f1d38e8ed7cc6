import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

describe('Mood and prompts', () => {
  let t: TestApp;
  let admin: TestUser;
  let mia: TestUser;
  let noor: TestUser;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    mia = await registerUser(t);
    noor = await registerUser(t);
  });

  afterEach(async () => {
    await t.close();
  });

  describe('Mood - /api/journal/mood', () => {
    it('requires authentication', async () => {
      await t.request().post('/api/journal/mood').send({ mood: 5 }).expect(401);
      await t
        .request()
        .get('/api/journal/mood?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z')
        .expect(401);
    });

    it('charts check-ins (and entry moods) per day and per week in my time zone', async () => {
      const checkIn = (body: object) =>
        t.request().post('/api/journal/mood').set('Authorization', mia.auth).send(body).expect(201);
      await checkIn({ mood: 3, energy: 2, sleepHours: 4.5, at: '2026-11-23T23:30:00Z', note: 'rough night' });
      await checkIn({ mood: 5, energy: 4, at: '2026-11-24T08:00:00Z' });
      await checkIn({ mood: 7, sleepHours: 7, at: '2026-11-30T09:00:00Z' });
      await t
        .request()
        .post('/api/journal/mood')
        .set('Authorization', noor.auth)
        .send({ mood: 0, at: '2026-11-24T08:00:00Z' })
        .expect(201);

      const days = await t
        .request()
        .get(
          '/api/journal/mood?from=2026-11-20T00:00:00Z&to=2026-12-01T00:00:00Z&bucket=day&tz=Europe/Berlin',
        )
        .set('Authorization', mia.auth)
        .expect(200);
      // 23:30 UTC on the 23rd is already the 24th in Berlin.
      expect(days.body).toEqual([
        {
          start: '2026-11-24',
          count: 2,
          mood: { mean: 4, min: 3, max: 5 },
          energy: { mean: 3, min: 2, max: 4 },
          sleepHours: { mean: 4.5, min: 4.5, max: 4.5 },
        },
        {
          start: '2026-11-30',
          count: 1,
          mood: { mean: 7, min: 7, max: 7 },
          energy: null,
          sleepHours: { mean: 7, min: 7, max: 7 },
        },
      ]);
      const weeks = await t
        .request()
        .get('/api/journal/mood?from=2026-11-20T00:00:00Z&to=2026-12-01T00:00:00Z&bucket=week')
        .set('Authorization', mia.auth)
        .expect(200);
      expect(weeks.body.map((b: { start: string; count: number }) => [b.start, b.count])).toEqual([
        ['2026-11-23', 2],
        ['2026-11-30', 1],
      ]);
      const list = await t
        .request()
        .get('/api/journal/mood/checkins?from=2026-11-20T00:00:00Z&to=2026-12-01T00:00:00Z')
        .set('Authorization', mia.auth)
        .expect(200);
      expect(list.body[0]).toMatchObject({ mood: 3, note: 'rough night' });
    });

    it.each([
      [{ mood: 11 }],
      [{ mood: -1 }],
      [{ mood: 5, energy: 2.5 }],
      [{ mood: 5, sleepHours: 25 }],
      [{ mood: 5, at: '2099-01-01T00:00:00Z' }],
      [{ mood: '5' }],
      [{ sleepHours: 5e-324 }],
    ])('refuses %j', async (body) => {
      await t.request().post('/api/journal/mood').set('Authorization', mia.auth).send(body).expect(400);
    });

    it.each([
      ['from=2026-11-20T00:00:00Z', 'to'],
      ['from=2026-11-20T00:00:00Z&to=2026-11-10T00:00:00Z', 'to'],
      ['from=2026-11-20T00:00:00Z&to=2026-12-01T00:00:00Z&tz=Nowhere/City', 'tz'],
      ['from=2026-11-20T00:00:00Z&to=2026-12-01T00:00:00Z&bucket=month', 'bucket'],
      ['from=2020-01-01T00:00:00Z&to=2026-12-01T00:00:00Z', 'to'],
    ])('refuses the series query %s', async (query, field) => {
      const response = await t
        .request()
        .get(`/api/journal/mood?${query}`)
        .set('Authorization', mia.auth)
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('Prompts - /api/journal/prompts', () => {
    it('has a library of at least 30 prompts across the categories', async () => {
      const response = await t
        .request()
        .get('/api/journal/prompts')
        .set('Authorization', mia.auth)
        .expect(200);
      expect(response.body.length).toBeGreaterThanOrEqual(30);
      expect(new Set(response.body.map((p: { category: string }) => p.category))).toEqual(
        new Set(['body', 'emotions', 'relationships', 'meaning', 'parenting', 'self-compassion']),
      );
    });

    it('picks the same prompt all day for a person, and a different day can pick another', async () => {
      const today = async (user: TestUser) =>
        (
          await t
            .request()
            .get('/api/journal/prompts/today?tz=America/Chicago')
            .set('Authorization', user.auth)
            .expect(200)
        ).body;
      const first = await today(mia);
      expect(await today(mia)).toEqual(first);
      const seen = new Set<string>([first.id]);
      for (let day = 1; day <= 10; day++) {
        t.clock.advance(86_400_000);
        const { renew } = await import('../support/users.js');
        await renew(t, mia);
        seen.add((await today(mia)).id);
      }
      expect(seen.size).toBeGreaterThan(1);
    });

    it('lists prompts due after my sessions, until answered', async () => {
      const date = new Date(t.clock.now().getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
      const session = await t
        .request()
        .post('/api/journal/sessions')
        .set('Authorization', mia.auth)
        .send({ date, kind: 'Session 4' })
        .expect(201);
      const due = await t
        .request()
        .get('/api/journal/prompts/due')
        .set('Authorization', mia.auth)
        .expect(200);
      const ids = due.body.map((p: { id: string }) => p.id);
      expect(ids).toEqual(expect.arrayContaining(['lib:body-1', 'lib:emotions-1', 'lib:body-4']));
      expect(ids).not.toContain('lib:emotions-5');
      await t
        .request()
        .post('/api/journal/entries')
        .set('Authorization', mia.auth)
        .send({ body: 'My shoulders are softer.', promptId: 'lib:body-1', sessionId: session.body.id })
        .expect(201);
      const after = await t
        .request()
        .get('/api/journal/prompts/due')
        .set('Authorization', mia.auth)
        .expect(200);
      expect(after.body.map((p: { id: string }) => p.id)).not.toContain('lib:body-1');
      expect(
        (await t.request().get('/api/journal/prompts/due').set('Authorization', noor.auth).expect(200)).body,
      ).toEqual([]);
    });

    it('offers the first after-session prompts on the day the session is recorded, in her zone', async () => {
      const ines = await registerUser(t);
      // Her own calendar day in Tokyo, which is not always UTC's.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(t.clock.now());
      const session = await t
        .request()
        .post('/api/journal/sessions')
        .set('Authorization', ines.auth)
        .send({ date: today, kind: 'Ketamine-assisted session' })
        .expect(201);
      const due = await t
        .request()
        .get('/api/journal/prompts/due?tz=Asia/Tokyo')
        .set('Authorization', ines.auth)
        .expect(200);
      expect(due.body.map((p: { id: string }) => p.id).sort()).toEqual(['lib:body-1', 'lib:emotions-1']);
      expect(due.body[0]).toMatchObject({ sessionId: session.body.id, dueOn: today, daysAfterSession: 0 });
    });

    it('speaks Spanish when asked (Accept-Language): every library prompt, today’s and the due ones; English for a language it does not speak', async () => {
      const english = await t
        .request()
        .get('/api/journal/prompts')
        .set('Authorization', mia.auth)
        .expect(200);
      const spanish = await t
        .request()
        .get('/api/journal/prompts')
        .set('Accept-Language', 'es-MX,es;q=0.9')
        .set('Authorization', mia.auth)
        .expect(200);
      const library = (body: { id: string; text: string }[]) => body.filter((p) => p.id.startsWith('lib:'));
      expect(library(spanish.body).map((p) => p.id)).toEqual(library(english.body).map((p) => p.id));
      for (const [i, prompt] of library(spanish.body).entries()) {
        expect(prompt.text).not.toBe(library(english.body)[i].text);
        expect(prompt.text).toMatch(/[¿áéíóúñ]|^(Describe|Nombra|Escríbete)/);
      }
      const rosa = await registerUser(t);
      await t
        .request()
        .post('/api/journal/sessions')
        .set('Authorization', rosa.auth)
        .send({ date: t.clock.now().toISOString().slice(0, 10), kind: 'Sesión de integración' })
        .expect(201);
      const due = await t
        .request()
        .get('/api/journal/prompts/due')
        .set('Accept-Language', 'es')
        .set('Authorization', rosa.auth)
        .expect(200);
      expect(due.body.find((p: { id: string }) => p.id === 'lib:emotions-1')?.text).toBe(
        '¿Qué sentimiento de la sesión sigue contigo? ¿Qué quiere que sepas?',
      );
      const today = await t
        .request()
        .get('/api/journal/prompts/today?tz=America/Mexico_City')
        .set('Accept-Language', 'es')
        .set('Authorization', mia.auth)
        .expect(200);
      expect(library(spanish.body).map((p) => p.text)).toContain(today.body.text);
      const french = await t
        .request()
        .get('/api/journal/prompts/today')
        .set('Accept-Language', 'fr')
        .set('Authorization', mia.auth)
        .expect(200);
      expect(library(english.body).map((p) => p.text)).toContain(french.body.text);
    });

    it('lets facilitators add prompts for their group, seen by its members only', async () => {
      const facilitator = await createAccount(t, admin, 'facilitator');
      const group = await createGroup(t, facilitator);
      await addActiveMember(t, facilitator, group.id, mia, 'Mia');
      await t
        .request()
        .post(`/api/groups/${group.id}/prompts`)
        .set('Authorization', mia.auth)
        .send({ text: 'x' })
        .expect(403);
      await t
        .request()
        .post(`/api/groups/${group.id}/prompts`)
        .set('Authorization', facilitator.auth)
        .send({ text: 'What did our last circle stir in you?', daysAfterSession: 2 })
        .expect(201);
      const mine = await t.request().get('/api/journal/prompts').set('Authorization', mia.auth).expect(200);
      expect(mine.body.map((p: { text: string }) => p.text)).toContain(
        'What did our last circle stir in you?',
      );
      const theirs = await t
        .request()
        .get('/api/journal/prompts')
        .set('Authorization', noor.auth)
        .expect(200);
      expect(theirs.body.map((p: { text: string }) => p.text)).not.toContain(
        'What did our last circle stir in you?',
      );
      await t
        .request()
        .post(`/api/groups/${group.id}/prompts`)
        .set('Authorization', facilitator.auth)
        .send({ text: '' })
        .expect(400);
    });
  });
});
