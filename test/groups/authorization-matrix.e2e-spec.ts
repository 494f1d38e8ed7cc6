import { createTestApp, type TestApp } from '../support/app.js';
import {
  acceptAgreement,
  addActiveFacilitator,
  addActiveMember,
  createGroup,
  createInvite,
  redeem,
  type GroupCard,
} from '../support/groups.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

type Actor =
  | 'admin'
  | 'facilitator'
  | 'otherFacilitator'
  | 'demotedFacilitator'
  | 'activeMember'
  | 'pendingMember'
  | 'nonMember'
  | 'banned';
/** `demotedFacilitator`: a co-facilitator of the group whose account an admin then made a member account. */
const ACTORS: Actor[] = [
  'admin',
  'facilitator',
  'otherFacilitator',
  'demotedFacilitator',
  'activeMember',
  'pendingMember',
  'nonMember',
  'banned',
];
const STAFF: Actor[] = ['admin', 'facilitator'];
const READERS: Actor[] = ['admin', 'facilitator', 'demotedFacilitator', 'activeMember'];

interface World {
  group: GroupCard;
  joinRequestId: string;
  meetingId: string;
  inviteId: string;
}

interface Action {
  name: string;
  allowed: Actor[];
  run: (t: TestApp, world: World, actor: TestUser) => Promise<number>;
}

const ACTIONS: Action[] = [
  {
    name: 'read the card',
    allowed: ACTORS,
    run: (t, w, a) => status(t.request().get(`/api/groups/${w.group.id}`).set('Authorization', a.auth)),
  },
  {
    name: 'read the agreement',
    allowed: ACTORS,
    run: (t, w, a) =>
      status(t.request().get(`/api/groups/${w.group.id}/agreement`).set('Authorization', a.auth)),
  },
  {
    name: 'read members',
    allowed: READERS,
    run: (t, w, a) =>
      status(t.request().get(`/api/groups/${w.group.id}/members`).set('Authorization', a.auth)),
  },
  {
    name: 'read meetings',
    allowed: READERS,
    run: (t, w, a) =>
      status(t.request().get(`/api/groups/${w.group.id}/meetings`).set('Authorization', a.auth)),
  },
  {
    name: 'update the group',
    allowed: STAFF,
    run: (t, w, a) =>
      status(
        t
          .request()
          .patch(`/api/groups/${w.group.id}`)
          .set('Authorization', a.auth)
          .send({ description: 'changed' }),
      ),
  },
  {
    name: 'archive',
    allowed: STAFF,
    run: (t, w, a) =>
      status(t.request().post(`/api/groups/${w.group.id}/archive`).set('Authorization', a.auth)),
  },
  {
    name: 'approve a join request',
    allowed: STAFF,
    run: (t, w, a) =>
      status(
        t
          .request()
          .post(`/api/groups/${w.group.id}/join-requests/${w.joinRequestId}/approve`)
          .set('Authorization', a.auth)
          .send({}),
      ),
  },
  {
    name: 'create an invite',
    allowed: STAFF,
    run: (t, w, a) =>
      status(t.request().post(`/api/groups/${w.group.id}/invites`).set('Authorization', a.auth).send({})),
  },
  {
    name: 'list invites',
    allowed: STAFF,
    run: (t, w, a) =>
      status(t.request().get(`/api/groups/${w.group.id}/invites`).set('Authorization', a.auth)),
  },
  {
    name: 'revoke an invite',
    allowed: STAFF,
    run: (t, w, a) =>
      status(
        t.request().delete(`/api/groups/${w.group.id}/invites/${w.inviteId}`).set('Authorization', a.auth),
      ),
  },
  {
    name: 'ban someone',
    allowed: STAFF,
    run: async (t, w, a) => {
      const target = await registerUser(t);
      return status(
        t
          .request()
          .post(`/api/groups/${w.group.id}/bans`)
          .set('Authorization', a.auth)
          .send({ userId: target.id }),
      );
    },
  },
  {
    name: 'schedule a meeting',
    allowed: STAFF,
    run: (t, w, a) =>
      status(
        t
          .request()
          .post(`/api/groups/${w.group.id}/meetings`)
          .set('Authorization', a.auth)
          .send({ title: 'Extra', startsAt: '2027-01-05T18:00:00Z', durationMinutes: 60 }),
      ),
  },
  {
    name: 'cancel a meeting',
    allowed: STAFF,
    run: (t, w, a) =>
      status(
        t.request().delete(`/api/groups/${w.group.id}/meetings/${w.meetingId}`).set('Authorization', a.auth),
      ),
  },
  {
    name: 'publish an agreement',
    allowed: STAFF,
    run: (t, w, a) =>
      status(
        t
          .request()
          .put(`/api/groups/${w.group.id}/agreement`)
          .set('Authorization', a.auth)
          .send({ text: 'Be kind.' }),
      ),
  },
  {
    name: 'read acceptances',
    allowed: STAFF,
    run: (t, w, a) =>
      status(t.request().get(`/api/groups/${w.group.id}/agreement/acceptances`).set('Authorization', a.auth)),
  },
];

function status(request: PromiseLike<{ status: number }>): Promise<number> {
  return Promise.resolve(request).then((r) => r.status);
}

describe('Group authorization matrix', () => {
  let t: TestApp;
  let users: Record<Actor, TestUser>;
  let pseudonyms = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await registerUser(t, { displayName: 'Admin' });
    users = {
      admin,
      facilitator: await createAccount(t, admin, 'facilitator'),
      otherFacilitator: await createAccount(t, admin, 'facilitator'),
      demotedFacilitator: await createAccount(t, admin, 'facilitator'),
      activeMember: await registerUser(t),
      pendingMember: await registerUser(t),
      nonMember: await registerUser(t),
      banned: await registerUser(t),
    };
    await createGroup(t, users.otherFacilitator, { name: 'Their own group' });
  });

  afterAll(async () => {
    await t.close();
  });

  const setPlatformRole = (user: TestUser, role: string) =>
    t
      .request()
      .patch(`/api/admin/users/${user.id}`)
      .set('Authorization', users.admin.auth)
      .send({ role })
      .expect(200);

  /** A fresh group with one actor of every kind in it, a pending join request, a meeting and an invite. */
  async function world(visibility: 'listed' | 'unlisted'): Promise<World> {
    const group = await createGroup(t, users.facilitator, { visibility, capacity: 50 });
    await addActiveMember(t, users.facilitator, group.id, users.activeMember, `Active${++pseudonyms}`);
    await setPlatformRole(users.demotedFacilitator, 'facilitator');
    await addActiveFacilitator(
      t,
      users.facilitator,
      group.id,
      users.demotedFacilitator,
      `Demoted${pseudonyms}`,
    );
    await setPlatformRole(users.demotedFacilitator, 'member');
    const invite = await createInvite(t, users.facilitator, group.id);
    await redeem(t, users.pendingMember, invite.code, `Pending${pseudonyms}`).expect(200);
    await t
      .request()
      .post(`/api/groups/${group.id}/bans`)
      .set('Authorization', users.facilitator.auth)
      .send({ userId: users.banned.id })
      .expect(204);
    const applicant = await registerUser(t);
    const request =
      visibility === 'listed'
        ? (
            await t
              .request()
              .post(`/api/groups/${group.id}/join-requests`)
              .set('Authorization', applicant.auth)
              .send({ pseudonym: `Asks${pseudonyms}` })
              .expect(201)
          ).body.id
        : '00000000-0000-4000-8000-000000000000';
    const meeting = await t
      .request()
      .post(`/api/groups/${group.id}/meetings`)
      .set('Authorization', users.facilitator.auth)
      .send({ title: 'Circle', startsAt: '2027-01-04T18:00:00Z', durationMinutes: 90, recurrence: 'weekly' })
      .expect(201);
    return { group, joinRequestId: request, meetingId: meeting.body.id, inviteId: invite.id };
  }

  const cells = ACTIONS.flatMap((action) => ACTORS.map((actor) => [action.name, actor, action] as const));

  it.each(cells)('listed group: %s as %s', async (_name, actor, action) => {
    const w = await world('listed');
    const result = await action.run(t, w, users[actor]);
    if (action.allowed.includes(actor)) {
      expect(result).toBeGreaterThanOrEqual(200);
      expect(result).toBeLessThan(300);
    } else {
      expect(result).toBe(403);
    }
  });

  // On an unlisted group, those with no history in it cannot even learn that it exists.
  const hidden: Actor[] = ['otherFacilitator', 'nonMember', 'banned'];
  const unlistedCells = ACTIONS.filter((a) => a.name !== 'approve a join request').flatMap((action) =>
    ACTORS.map((actor) => [action.name, actor, action] as const),
  );

  it.each(unlistedCells)('unlisted group: %s as %s', async (_name, actor, action) => {
    const w = await world('unlisted');
    const result = await action.run(t, w, users[actor]);
    if (hidden.includes(actor)) {
      expect(result).toBe(404);
    } else if (action.allowed.includes(actor)) {
      expect(result).toBeGreaterThanOrEqual(200);
      expect(result).toBeLessThan(300);
    } else {
      expect(result).toBe(403);
    }
  });
});

describe('Object ids swapped between groups (IDOR)', () => {
  let t: TestApp;
  let facilitatorA: TestUser;
  let facilitatorB: TestUser;
  let memberA: TestUser;
  let groupA: GroupCard;
  let groupB: GroupCard;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitatorA = await createAccount(t, admin, 'facilitator');
    facilitatorB = await createAccount(t, admin, 'facilitator');
    memberA = await registerUser(t);
    groupA = await createGroup(t, facilitatorA, { name: 'A' });
    groupB = await createGroup(t, facilitatorB, { name: 'B' });
    await addActiveMember(t, facilitatorA, groupA.id, memberA, 'Wren');
  });

  afterAll(async () => {
    await t.close();
  });

  it("does not let group B's facilitator reach group A's objects through group B's routes", async () => {
    const applicant = await registerUser(t);
    const request = await t
      .request()
      .post(`/api/groups/${groupA.id}/join-requests`)
      .set('Authorization', applicant.auth)
      .send({ pseudonym: 'Fern' })
      .expect(201);
    const invite = await createInvite(t, facilitatorA, groupA.id);
    const meeting = await t
      .request()
      .post(`/api/groups/${groupA.id}/meetings`)
      .set('Authorization', facilitatorA.auth)
      .send({ title: 'A meeting', startsAt: '2027-01-04T18:00:00Z', durationMinutes: 60 })
      .expect(201);

    const b = (path: string) => `/api/groups/${groupB.id}${path}`;
    const asB = facilitatorB.auth;
    await t
      .request()
      .post(b(`/join-requests/${request.body.id}/approve`))
      .set('Authorization', asB)
      .send({})
      .expect(404);
    await t
      .request()
      .post(b(`/join-requests/${request.body.id}/decline`))
      .set('Authorization', asB)
      .send({})
      .expect(404);
    await t
      .request()
      .delete(b(`/invites/${invite.id}`))
      .set('Authorization', asB)
      .expect(404);
    await t
      .request()
      .patch(b(`/meetings/${meeting.body.id}`))
      .set('Authorization', asB)
      .send({ title: 'Hijacked' })
      .expect(404);
    await t
      .request()
      .delete(b(`/meetings/${meeting.body.id}`))
      .set('Authorization', asB)
      .expect(404);
    await t
      .request()
      .patch(b(`/members/${memberA.id}`))
      .set('Authorization', asB)
      .send({ pseudonym: 'Hijacked' })
      .expect(404);
    await t
      .request()
      .delete(b(`/members/${memberA.id}`))
      .set('Authorization', asB)
      .expect(404);

    // And group A's own objects are untouched.
    const invites = await t
      .request()
      .get(`/api/groups/${groupA.id}/invites`)
      .set('Authorization', facilitatorA.auth)
      .expect(200);
    expect(invites.body[0].revoked).toBe(false);
    const meetings = await t
      .request()
      .get(`/api/groups/${groupA.id}/meetings`)
      .set('Authorization', facilitatorA.auth)
      .expect(200);
    expect(meetings.body[0].title).toBe('A meeting');
    const members = await t
      .request()
      .get(`/api/groups/${groupA.id}/members`)
      .set('Authorization', facilitatorA.auth)
      .expect(200);
    expect(members.body.map((m: { pseudonym: string }) => m.pseudonym)).toContain('Wren');
  });

  it("does not let group A's member act in group B", async () => {
    await t.request().get(`/api/groups/${groupB.id}/members`).set('Authorization', memberA.auth).expect(403);
    await t
      .request()
      .post(`/api/groups/${groupB.id}/agreement/accept`)
      .set('Authorization', memberA.auth)
      .send({ version: 1 })
      .expect(403);
  });
});

describe('The access log and sign-ins across roles', () => {
  let t: TestApp;
  let admin: TestUser;
  let demotedAdmin: TestUser;
  let facilitator: TestUser;
  let demotedFacilitator: TestUser;
  let otherFacilitator: TestUser;
  let member: TestUser;
  let group: GroupCard;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    demotedAdmin = await createAccount(t, admin, 'facilitator');
    await t
      .request()
      .patch(`/api/admin/users/${demotedAdmin.id}`)
      .set('Authorization', admin.auth)
      .send({ role: 'admin' })
      .expect(200);
    facilitator = await createAccount(t, admin, 'facilitator');
    demotedFacilitator = await createAccount(t, admin, 'facilitator');
    otherFacilitator = await createAccount(t, admin, 'facilitator');
    member = await registerUser(t);
    group = await createGroup(t, facilitator);
    await createGroup(t, otherFacilitator, { name: 'Elsewhere' });
    await addActiveMember(t, facilitator, group.id, member, 'Wren');
    await addActiveFacilitator(t, facilitator, group.id, demotedFacilitator, 'Demoted');
    for (const demoted of [demotedAdmin, demotedFacilitator]) {
      await t
        .request()
        .patch(`/api/admin/users/${demoted.id}`)
        .set('Authorization', admin.auth)
        .send({ role: 'member' })
        .expect(200);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const myLog = async (user: TestUser) =>
    (await t.request().get('/api/me/access-log').set('Authorization', user.auth).expect(200)).body;

  it('lets only a current admin read the whole log', async () => {
    await t.request().get('/api/admin/access-log').set('Authorization', admin.auth).expect(200);
    for (const user of [demotedAdmin, facilitator, demotedFacilitator, otherFacilitator, member]) {
      await t.request().get('/api/admin/access-log').set('Authorization', user.auth).expect(403);
    }
  });

  it('records nothing for a refused view: a demoted facilitator or another group’s facilitator', async () => {
    const before = (await myLog(member)).total;
    for (const user of [demotedFacilitator, otherFacilitator]) {
      const status = (
        await t.request().get(`/api/groups/${group.id}/members`).set('Authorization', user.auth)
      ).status;
      expect(user === demotedFacilitator ? [200] : [403, 404]).toContain(status);
      await t
        .request()
        .get(`/api/groups/${group.id}/shared-reflections`)
        .set('Authorization', user.auth)
        .expect(403);
      await t
        .request()
        .get(`/api/groups/${group.id}/moderation/incidents`)
        .set('Authorization', user.auth)
        .expect(403);
    }
    // The demoted facilitator still reads the member list as a member does: pseudonyms only, nothing logged.
    expect((await myLog(member)).total).toBe(before);
    await t
      .request()
      .get(`/api/groups/${group.id}/members`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect((await myLog(member)).total).toBe(before + 1);
  });

  it("answers 404 to anyone saying another person's sign-in wasn't them, admins included", async () => {
    const sessions = await t.request().get('/api/me/sign-ins').set('Authorization', member.auth).expect(200);
    const memberSession = sessions.body[0].id as string;
    for (const user of [admin, demotedAdmin, facilitator, demotedFacilitator, otherFacilitator]) {
      await t
        .request()
        .post(`/api/me/sign-ins/${memberSession}/not-me`)
        .set('Authorization', user.auth)
        .expect(404);
    }
    await t.request().get('/api/me').set('Authorization', member.auth).expect(200);
  });
});

describe('A co-facilitator still to accept the agreement', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('is told that accepting the agreement opens her tools, and then has them', async () => {
    const admin = await registerUser(t, { displayName: 'Admin' });
    const lead = await createAccount(t, admin, 'facilitator');
    const fran = await createAccount(t, admin, 'facilitator');
    const group = await createGroup(t, lead);
    await t
      .request()
      .post(`/api/groups/${group.id}/facilitators`)
      .set('Authorization', lead.auth)
      .send({ userId: fran.id, pseudonym: 'Fran' })
      .expect(201);
    const refused = await t
      .request()
      .get(`/api/groups/${group.id}/invites`)
      .set('Authorization', fran.auth)
      .expect(403);
    expect(refused.body.message).toBe(
      "Accept this group's agreement first: your facilitator tools open once you have",
    );
    await acceptAgreement(t, fran, group.id).expect(200);
    await t.request().get(`/api/groups/${group.id}/invites`).set('Authorization', fran.auth).expect(200);
  });
});
