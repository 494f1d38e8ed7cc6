import type { GroupDto, MemberDto, MessageDto } from '@hearth/contracts';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveFacilitator, addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until } from '../support/sockets.js';
import { enrolAuthenticator } from '../support/two-factor.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';
import { inRoom, said } from '../moderation/support.js';

/**
 * What the server tells people follows the effective group role (docs/decisions.md, "Group powers follow the
 * platform role"): peers, the person themself, and the admins who must know when a group has no one to act.
 */
describe('Views follow the effective group role', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let wren: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    lead = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    group = await createGroup(t, lead, { name: 'Integration circle', facilitatorPseudonym: 'Lead' });
    await addActiveMember(t, lead, group.id, wren, 'Wren');
  });

  afterEach(async () => {
    await t.close();
  });

  const patchUser = (user: TestUser, change: object) =>
    t
      .request()
      .patch(`/api/admin/users/${user.id}`)
      .set('Authorization', admin.auth)
      .send(change)
      .expect(200);
  const get = <T>(user: TestUser, path: string) =>
    t
      .request()
      .get(`/api/${path}`)
      .set('Authorization', user.auth)
      .expect(200)
      .then((res) => res.body as T);

  describe('A facilitator whose account an admin makes a member - peers and themself', () => {
    it('peers see a member beside their pseudonym in the member list and on their messages', async () => {
      const socket = await inRoom(t, lead, group.id);
      await said(socket, group.id, 'Welcome, everyone');
      socket.disconnect();
      const roleIn = (members: MemberDto[]) => members.find((m) => m.pseudonym === 'Lead')?.role;
      const authorRole = (messages: MessageDto[]) =>
        messages.find((m) => m.body === 'Welcome, everyone')?.author?.role;

      expect(roleIn(await get<MemberDto[]>(wren, `groups/${group.id}/members`))).toBe('facilitator');
      expect(authorRole(await get<MessageDto[]>(wren, `groups/${group.id}/messages`))).toBe('facilitator');

      await patchUser(lead, { role: 'member' });
      expect(roleIn(await get<MemberDto[]>(wren, `groups/${group.id}/members`))).toBe('member');
      expect(authorRole(await get<MessageDto[]>(wren, `groups/${group.id}/messages`))).toBe('member');

      const joined = await connect(t, wren);
      const ack = await joined.emitWithAck('group:join', { groupId: group.id });
      joined.disconnect();
      expect(ack.ok && ack.missed.find((m) => m.body === 'Welcome, everyone')?.author?.role).toBe('member');

      await patchUser(lead, { role: 'facilitator' });
      expect(roleIn(await get<MemberDto[]>(wren, `groups/${group.id}/members`))).toBe('facilitator');
    });

    it('their own group card says member, and an open socket is told that their role changed', async () => {
      const socket = await connect(t, lead);
      const notices = collect(socket, 'notice');
      await patchUser(lead, { role: 'member' });
      await until(() => notices.some((n) => n.kind === 'role.changed'), 'the role.changed notice');
      socket.disconnect();
      const card = await get<GroupDto>(lead, `groups/${group.id}`);
      expect(card.membership?.role).toBe('member');
      const mine = await get<GroupDto[]>(lead, 'groups?scope=mine');
      expect(mine.find((g) => g.id === group.id)?.membership?.role).toBe('member');
    });
  });

  describe('A group left without an active facilitator - GET /api/groups', () => {
    const countIn = async (user: TestUser) =>
      (await get<GroupDto[]>(user, 'groups?scope=all')).find((g) => g.id === group.id)?.activeFacilitators;

    it('admins see how many facilitators can act: 0 once the only one is demoted or disabled', async () => {
      expect(await countIn(admin)).toBe(1);
      await patchUser(lead, { role: 'member' });
      expect(await countIn(admin)).toBe(0);
      expect((await get<GroupDto>(admin, `groups/${group.id}`)).activeFacilitators).toBe(0);
      await patchUser(lead, { role: 'facilitator' });
      expect(await countIn(admin)).toBe(1);
      await patchUser(lead, { disabled: true });
      expect(await countIn(admin)).toBe(0);
    });

    it('a second facilitator who can act keeps the group covered', async () => {
      const co = await createAccount(t, admin, 'facilitator');
      await addActiveFacilitator(t, lead, group.id, co, 'Co');
      expect(await countIn(admin)).toBe(2);
      await patchUser(lead, { role: 'member' });
      expect(await countIn(admin)).toBe(1);
    });

    it('is not told to facilitators or members', async () => {
      const asLead = await get<GroupDto>(lead, `groups/${group.id}`);
      const asWren = await get<GroupDto>(wren, `groups/${group.id}`);
      expect(asLead).not.toHaveProperty('activeFacilitators');
      expect(asWren).not.toHaveProperty('activeFacilitators');
    });
  });
});

describe('Staff who have not set up a required second factor do not count as facilitators', () => {
  let t: TestApp;

  afterEach(async () => {
    await t.close();
  });

  it('a facilitator account without two-step verification shows as a member and leaves the group uncovered', async () => {
    t = await createTestApp({ env: { STAFF_2FA: 'required' } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    await enrolAuthenticator(t, admin);
    const lead = await createAccount(t, admin, 'facilitator');
    await enrolAuthenticator(t, lead);
    const wren = await registerUser(t);
    const group = await createGroup(t, lead, { name: 'Integration circle', facilitatorPseudonym: 'Lead' });
    await addActiveMember(t, lead, group.id, wren, 'Wren');
    const get = <T>(user: TestUser, path: string) =>
      t
        .request()
        .get(`/api/${path}`)
        .set('Authorization', user.auth)
        .expect(200)
        .then((res) => res.body as T);
    const leadIn = async () =>
      (await get<MemberDto[]>(wren, `groups/${group.id}/members`)).find((m) => m.pseudonym === 'Lead')?.role;
    expect(await leadIn()).toBe('facilitator');
    expect((await get<GroupDto>(admin, `groups/${group.id}`)).activeFacilitators).toBe(1);

    // The facilitator lost their phone: an admin resets their second factor.
    await t
      .request()
      .post(`/api/admin/users/${lead.id}/second-factor/reset`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(await leadIn()).toBe('member');
    expect((await get<GroupDto>(admin, `groups/${group.id}`)).activeFacilitators).toBe(0);
  });
});
