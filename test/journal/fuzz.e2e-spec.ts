import fc from 'fast-check';

import { createTestApp, type TestApp } from '../support/app.js';
import { bodiesFor } from '../support/fuzz.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

describe('No bad input to the journal yields a 500', () => {
  let t: TestApp;
  let mia: TestUser;
  let entryId: string;
  let groupId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '100000' } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    const facilitator = await createAccount(t, admin, 'facilitator');
    mia = await registerUser(t);
    const group = await createGroup(t, facilitator);
    groupId = group.id;
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    entryId = (
      await t
        .request()
        .post('/api/journal/entries')
        .set('Authorization', mia.auth)
        .send({ body: 'a reflection' })
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  const routes: [string, 'post' | 'patch' | 'put', () => string, string[]][] = [
    [
      'create entry',
      'post',
      () => '/api/journal/entries',
      ['title', 'body', 'tags', 'mood', 'sessionId', 'meetingId', 'promptId'],
    ],
    [
      'update entry',
      'patch',
      () => `/api/journal/entries/${entryId}`,
      ['title', 'body', 'tags', 'mood', 'sessionId'],
    ],
    ['create session', 'post', () => '/api/journal/sessions', ['date', 'kind', 'intention', 'notes']],
    ['mood', 'post', () => '/api/journal/mood', ['mood', 'energy', 'sleepHours', 'note', 'at']],
    ['share', 'post', () => `/api/journal/entries/${entryId}/shares`, ['groupId', 'target', 'excerpt']],
    [
      'safety plan',
      'put',
      () => '/api/me/safety-plan',
      ['warningSigns', 'calmingActions', 'distractions', 'helpers', 'professionals', 'saferSurroundings'],
    ],
  ];

  it.each(routes)('%s', async (_name, method, path, keys) => {
    await fc.assert(
      fc.asyncProperty(
        bodiesFor(keys, [groupId, 'group', 'facilitators', '2026-11-20', 'a reflection']),
        async (body) => {
          const agent = t.request();
          const response = await agent[method](path())
            .set('Authorization', mia.auth)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('safety plan steps holding anything at all', async () => {
    const step = fc.oneof(
      fc.anything(),
      fc.array(fc.anything(), { maxLength: 14 }),
      fc.array(
        fc.record({ name: fc.anything(), phone: fc.anything(), url: fc.anything() }, { requiredKeys: [] }),
        { maxLength: 14 },
      ),
    );
    const keys = [
      'warningSigns',
      'calmingActions',
      'distractions',
      'helpers',
      'professionals',
      'saferSurroundings',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.record(Object.fromEntries(keys.map((key) => [key, step])), { requiredKeys: [] }),
        async (body) => {
          const response = await t
            .request()
            .put('/api/me/safety-plan')
            .set('Authorization', mia.auth)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('arbitrary list and series queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/journal/entries',
          '/api/journal/mood',
          '/api/journal/prompts/today',
          '/api/journal/prompts/due',
        ),
        fc.dictionary(
          fc.constantFrom(
            'q',
            'tag',
            'from',
            'to',
            'sessionId',
            'moodMin',
            'moodMax',
            'before',
            'limit',
            'bucket',
            'tz',
          ),
          fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.constantFrom('2026-11-01T00:00:00Z', 'Europe/Berlin', '5', 'week'),
          ),
        ),
        async (path, query) => {
          const response = await t.request().get(path).query(query).set('Authorization', mia.auth);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
  });
});
