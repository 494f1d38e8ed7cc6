import { answersScoring, Cadences, INSTRUMENTS } from '@hearth/questionnaires';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { postgresAvailable, postgresEnv, type PostgresTarget } from '../support/postgres.js';
import { createAccount, registerUser } from '../support/users.js';

const target: PostgresTarget | null = await postgresAvailable();
const describeWithPostgres = target ? describe : describe.skip;

describeWithPostgres('Questionnaires on PostgreSQL', () => {
  let database: string;
  let t: TestApp;

  beforeAll(async () => {
    database = await target!.createDatabase('hearth_questionnaires');
    t = await createTestApp({
      env: {
        ...postgresEnv(target!, database),
      },
    });
  });

  afterAll(async () => {
    await t.close();
    await target!.dropDatabase(database);
  });

  it('scores, seals, schedules, shares and tells the same as on SQLite', async () => {
    const admin = await registerUser(t, { displayName: 'Admin' });
    const facilitator = await createAccount(t, admin, 'facilitator');
    const mia = await registerUser(t);
    const group = await createGroup(t, facilitator, { name: 'Circle' });
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    const as = (auth: string) => ({
      post: (path: string, body: object = {}) =>
        t.request().post(`/api${path}`).set('Authorization', auth).send(body),
      put: (path: string, body: object = {}) =>
        t.request().put(`/api${path}`).set('Authorization', auth).send(body),
      get: (path: string) => t.request().get(`/api${path}`).set('Authorization', auth),
    });

    await as(mia.auth).put('/me/questionnaires/schedules/phq9', { everyDays: 14 }).expect(200);
    expect((await t.app.get(Cadences).dueNow()).map((d) => d.userId)).toEqual([mia.id]);
    const { body } = await as(mia.auth)
      .post('/me/questionnaires/responses', {
        instrument: 'phq9',
        answers: answersScoring(INSTRUMENTS.phq9, 13, 1),
      })
      .expect(201);
    expect(body).toMatchObject({ score: 13, band: { id: 'moderate' }, safety: { tier: 'concern' } });
    // The latest response is read back (MAX over a timestamp): not due again for 14 days.
    expect(await t.app.get(Cadences).dueNow()).toEqual([]);

    await as(mia.auth).put(`/me/questionnaires/sharing/${group.id}`).expect(200);
    const shared = (await as(facilitator.auth).get(`/groups/${group.id}/questionnaires/shared`).expect(200))
      .body;
    expect(shared[0].instruments[0]).toMatchObject({ latest: { score: 13 }, safety: null });
    expect(
      (await as(facilitator.auth).get(`/groups/${group.id}/moderation/incidents`).expect(200)).body,
    ).toEqual([]);

    t.clock.advance(14 * 86_400_000 + 60_000);
    expect(await t.app.get(Cadences).dueNow()).toEqual([
      expect.objectContaining({ userId: mia.id, instrument: 'phq9', groupId: null }),
    ]);
  });
});
