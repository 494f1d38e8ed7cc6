import fc from 'fast-check';

import { createTestApp, type TestApp } from '../support/app.js';
import { bodiesFor } from '../support/fuzz.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';
import { inRoom, said } from './support.js';

describe('Moderation access and bad input', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let otherFacilitator: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let group: GroupCard;
  let messageId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '100000' } });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    otherFacilitator = await createAccount(t, admin, 'facilitator');
    member = await registerUser(t);
    outsider = await registerUser(t);
    group = await createGroup(t, facilitator);
    await createGroup(t, otherFacilitator, { name: 'Elsewhere' });
    await addActiveMember(t, facilitator, group.id, member, 'Wren');
    const socket = await inRoom(t, member, group.id);
    messageId = (await said(socket, group.id, 'a message to act on')).id;
  });

  afterAll(async () => {
    await t.close();
  });

  type Actor = 'admin' | 'facilitator' | 'otherFacilitator' | 'member' | 'outsider';
  const who = (actor: Actor) => ({ admin, facilitator, otherFacilitator, member, outsider })[actor];

  const FACILITATOR_ONLY: [string, 'get' | 'post' | 'put', () => string, object][] = [
    ['queue', 'get', () => 'moderation/queue', {}],
    ['incidents', 'get', () => 'moderation/incidents', {}],
    ['audit', 'get', () => 'audit', {}],
    ['blocked terms', 'get', () => 'blocked-terms', {}],
    ['set mode', 'put', () => 'moderation/mode', { mode: 'open' }],
    [
      'warn',
      'post',
      () => 'moderation/warnings',
      { userId: '00000000-0000-4000-8000-000000000000', reason: 'x' },
    ],
  ];

  it.each(
    FACILITATOR_ONLY.flatMap(([name, method, path, body]) =>
      (['admin', 'facilitator', 'otherFacilitator', 'member', 'outsider'] as Actor[]).map(
        (actor) => [name, actor, method, path, body] as const,
      ),
    ),
  )('%s as %s', async (_name, actor, method, path, body) => {
    const agent = t.request();
    const response = await agent[method](`/api/groups/${group.id}/${path()}`)
      .set('Authorization', who(actor).auth)
      .send(body);
    if (actor === 'admin' || actor === 'facilitator') {
      // Allowed: success, or a 404 for the made-up member of the warning.
      expect([200, 201, 204, 404]).toContain(response.status);
    } else {
      expect(response.status).toBe(403);
    }
  });

  it('lets members read the mode and pins, but not strangers', async () => {
    await t
      .request()
      .get(`/api/groups/${group.id}/moderation/mode`)
      .set('Authorization', member.auth)
      .expect(200);
    await t.request().get(`/api/groups/${group.id}/pins`).set('Authorization', member.auth).expect(200);
    await t.request().get(`/api/groups/${group.id}/pins`).set('Authorization', outsider.auth).expect(403);
    await t
      .request()
      .post(`/api/groups/${group.id}/messages/${messageId}/reports`)
      .set('Authorization', outsider.auth)
      .send({ reason: 'spam' })
      .expect(403);
  });

  it('keeps admin safety settings for admins', async () => {
    for (const user of [facilitator, member]) {
      await t.request().get('/api/admin/moderation/queue').set('Authorization', user.auth).expect(403);
      await t
        .request()
        .put('/api/admin/crisis-resources')
        .set('Authorization', user.auth)
        .send({ country: 'US', resources: [] })
        .expect(403);
    }
    const current = await t
      .request()
      .get('/api/admin/crisis-resources')
      .set('Authorization', admin.auth)
      .expect(200);
    expect(current.body.country).toBe('US');
  });

  it('shows every signed-in person the instance crisis resources (the help button), and no one else', async () => {
    await t.request().get('/api/me/moderation/crisis-resources').expect(401);
    const seen = await t
      .request()
      .get('/api/me/moderation/crisis-resources')
      .set('Authorization', member.auth)
      .expect(200);
    expect(seen.body.country).toBe('US');
    expect(seen.body.resources.length).toBeGreaterThan(0);
  });

  const routes: [string, 'post' | 'put', () => string, string[], () => TestUser][] = [
    ['mute', 'post', () => 'moderation/mutes', ['userId', 'minutes', 'reason'], () => facilitator],
    ['warn', 'post', () => 'moderation/warnings', ['userId', 'reason'], () => facilitator],
    ['mode', 'put', () => 'moderation/mode', ['mode', 'slowSeconds', 'premoderateDays'], () => facilitator],
    ['report', 'post', () => `messages/${messageId}/reports`, ['reason', 'note'], () => facilitator],
    ['blocked term', 'post', () => 'blocked-terms', ['term', 'action'], () => facilitator],
    ['crisis resources', 'put', () => 'crisis-resources', ['country', 'resources'], () => facilitator],
    ['hide member', 'post', () => 'hidden-members', ['membershipId'], () => member],
    [
      'remove message',
      'post',
      () => `moderation/messages/${messageId}/remove`,
      ['reason'],
      () => facilitator,
    ],
  ];

  it.each(routes)('%s answers arbitrary bodies without a 500', async (_name, method, path, keys, as) => {
    await fc.assert(
      fc.asyncProperty(
        bodiesFor(keys, ['open', 'slow', 'read_only', 'spam', 'block', 'US']),
        async (body) => {
          const agent = t.request();
          const response = await agent[method](`/api/groups/${group.id}/${path()}`)
            .set('Authorization', as().auth)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });
});
