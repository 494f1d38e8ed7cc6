import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveFacilitator, addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';
import { inRoom, said, settle } from '../moderation/support.js';

/**
 * Group powers follow the platform role (docs/decisions.md): when an admin makes a facilitator's account a member,
 * every facilitator power in every group goes at once, on HTTP and on open sockets; made a facilitator again, the
 * person has them back.
 */
describe('A facilitator whose account an admin makes a member', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let cofacilitator: TestUser;
  let wren: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    lead = await createAccount(t, admin, 'facilitator');
    cofacilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    group = await createGroup(t, lead, { name: 'Postpartum circle' });
    await addActiveMember(t, lead, group.id, wren, 'Wren');
    await addActiveFacilitator(t, lead, group.id, cofacilitator, 'Co');
  });

  afterEach(async () => {
    await t.close();
  });

  const setRole = (user: TestUser, role: string) =>
    t
      .request()
      .patch(`/api/admin/users/${user.id}`)
      .set('Authorization', admin.auth)
      .send({ role })
      .expect(200);
  const get = (user: TestUser, path: string) =>
    t.request().get(`/api/groups/${group.id}${path}`).set('Authorization', user.auth);

  it('no longer reads member accounts, incidents or facilitator-only reflections, nor creates invites', async () => {
    const before = await get(cofacilitator, '/members').expect(200);
    expect(before.body.some((m: { account?: { email: string } }) => m.account?.email === wren.email)).toBe(
      true,
    );

    await setRole(cofacilitator, 'member');
    const after = await get(cofacilitator, '/members').expect(200);
    expect(JSON.stringify(after.body)).not.toContain(wren.email);
    await get(cofacilitator, '/moderation/incidents').expect(403);
    await get(cofacilitator, '/moderation/queue').expect(403);
    await get(cofacilitator, '/shared-reflections').expect(403);
    await t
      .request()
      .post(`/api/groups/${group.id}/invites`)
      .set('Authorization', cofacilitator.auth)
      .send({})
      .expect(403);
    // Still a member of the group: the conversation and its meetings stay open to them.
    await get(cofacilitator, '/meetings').expect(200);

    await setRole(cofacilitator, 'facilitator');
    await get(cofacilitator, '/moderation/incidents').expect(200);
  });

  it('stops hearing the group’s crisis alerts on a socket already open, and posts as a member', async () => {
    const staffSocket = await connect(t, cofacilitator);
    const alerts = collect(staffSocket, 'safety:alert');
    const member = await inRoom(t, wren, group.id);
    await said(member, group.id, 'I want to end my life');
    await until(() => alerts.length === 1, 'the alert while still a facilitator');

    await setRole(cofacilitator, 'member');
    const asMember = await inRoom(t, cofacilitator, group.id);
    await said(member, group.id, 'I keep thinking about suicide');
    await settle(300);
    expect(alerts).toHaveLength(1);

    // A read-only room refuses their posts as it does any member's.
    await t
      .request()
      .put(`/api/groups/${group.id}/moderation/mode`)
      .set('Authorization', lead.auth)
      .send({ mode: 'read_only' })
      .expect(200);
    expect(
      await asMember.emitWithAck('message:send', {
        groupId: group.id,
        clientId: crypto.randomUUID(),
        body: 'hi',
      }),
    ).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
  });
});
