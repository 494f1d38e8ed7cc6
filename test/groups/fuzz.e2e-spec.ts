import fc from 'fast-check';

import { createTestApp, type TestApp } from '../support/app.js';
import { bodiesFor } from '../support/fuzz.js';
import { addActiveMember, createGroup, createInvite, type GroupCard } from '../support/groups.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

const bodyFor = (keys: string[]) =>
  bodiesFor(keys, ['weekly', 'cohort', 'listed', 'Europe/Berlin', '2027-01-01', '2027-01-01T10:00:00Z']);

describe('No bad input to the groups API yields a 500', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let member: TestUser;
  let group: GroupCard;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    member = await registerUser(t);
    group = await createGroup(t, facilitator, { capacity: 100 });
    await addActiveMember(t, facilitator, group.id, member, 'Wren');
    meetingId = (
      await t.request().post(`/api/groups/${group.id}/meetings`).set('Authorization', facilitator.auth).send({
        title: 'Circle',
        startsAt: '2027-01-04T18:00:00Z',
        durationMinutes: 60,
        recurrence: 'weekly',
      })
    ).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  const routes: {
    name: string;
    method: 'post' | 'patch' | 'put';
    path: () => string;
    as: () => TestUser;
    keys: string[];
  }[] = [
    {
      name: 'create group',
      method: 'post',
      path: () => '/api/groups',
      as: () => facilitator,
      keys: [
        'name',
        'description',
        'kind',
        'endsOn',
        'visibility',
        'capacity',
        'timezone',
        'facilitatorPseudonym',
      ],
    },
    {
      name: 'update group',
      method: 'patch',
      path: () => `/api/groups/${group.id}`,
      as: () => facilitator,
      keys: ['name', 'description', 'endsOn', 'visibility', 'capacity', 'timezone'],
    },
    {
      name: 'publish agreement',
      method: 'put',
      path: () => `/api/groups/${group.id}/agreement`,
      as: () => facilitator,
      keys: ['text'],
    },
    {
      name: 'accept agreement',
      method: 'post',
      path: () => `/api/groups/${group.id}/agreement/accept`,
      as: () => member,
      keys: ['version'],
    },
    {
      name: 'update member',
      method: 'patch',
      path: () => `/api/groups/${group.id}/members/${member.id}`,
      as: () => member,
      keys: ['pseudonym', 'role'],
    },
    {
      name: 'ban',
      method: 'post',
      path: () => `/api/groups/${group.id}/bans`,
      as: () => facilitator,
      keys: ['userId', 'reason'],
    },
    {
      name: 'add facilitator',
      method: 'post',
      path: () => `/api/groups/${group.id}/facilitators`,
      as: () => facilitator,
      keys: ['userId', 'pseudonym'],
    },
    {
      name: 'create invite',
      method: 'post',
      path: () => `/api/groups/${group.id}/invites`,
      as: () => facilitator,
      keys: ['expiresInHours', 'maxUses', 'label'],
    },
    {
      name: 'schedule meeting',
      method: 'post',
      path: () => `/api/groups/${group.id}/meetings`,
      as: () => facilitator,
      keys: [
        'title',
        'startsAt',
        'durationMinutes',
        'location',
        'videoUrl',
        'recurrence',
        'recurrenceEndsAt',
      ],
    },
    {
      name: 'change meeting',
      method: 'patch',
      path: () => `/api/groups/${group.id}/meetings/${meetingId}`,
      as: () => facilitator,
      keys: ['title', 'startsAt', 'durationMinutes', 'location', 'videoUrl', 'recurrenceEndsAt'],
    },
    {
      name: 'ask to join',
      method: 'post',
      path: () => `/api/groups/${group.id}/join-requests`,
      as: () => facilitator,
      keys: ['pseudonym', 'message'],
    },
  ];

  it.each(routes)('$name', async (route) => {
    await fc.assert(
      fc.asyncProperty(bodyFor(route.keys), async (body) => {
        const agent = t.request();
        const response = await agent[route.method](route.path())
          .set('Authorization', route.as().auth)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body));
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.body).toMatchObject({ statusCode: response.status, message: expect.any(String) });
        }
      }),
      { numRuns: 50 },
    );
  });

  it('redeem with arbitrary codes and bodies', async () => {
    const invite = await createInvite(t, facilitator, group.id);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 80 }), fc.constant(invite.code)),
        bodyFor(['pseudonym']),
        async (code, body) => {
          const outsider = await registerUser(t);
          const response = await t
            .request()
            .post(`/api/invites/${encodeURIComponent(code)}/redeem`)
            .set('Authorization', outsider.auth)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('arbitrary query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/groups',
          `/api/groups/${group.id}/members`,
          `/api/groups/${group.id}/join-requests`,
          '/api/me/meetings',
          '/api/me/calendar.ics',
        ),
        fc.dictionary(
          fc.constantFrom('scope', 'status', 'days', 'token', 'occurrence'),
          fc.string({ maxLength: 40 }),
        ),
        async (path, query) => {
          const response = await t.request().get(path).query(query).set('Authorization', facilitator.auth);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
  });
});
