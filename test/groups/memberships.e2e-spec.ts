import { createTestApp, type TestApp } from '../support/app.js';
import {
  acceptAgreement,
  addActiveMember,
  createGroup,
  createInvite,
  redeem,
  type GroupCard,
} from '../support/groups.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

describe('Memberships', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let member: TestUser;
  let peer: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fran Facilitator');
    member = await registerUser(t, { displayName: 'Mia Member' });
    peer = await registerUser(t, { displayName: 'Pat Peer' });
    group = await createGroup(t, facilitator, { capacity: 3, facilitatorPseudonym: 'Fran' });
    await addActiveMember(t, facilitator, group.id, member, 'Wren');
    await addActiveMember(t, facilitator, group.id, peer, 'Ash');
  });

  afterEach(async () => {
    await t.close();
  });

  const card = async (user: TestUser) =>
    (await t.request().get(`/api/groups/${group.id}`).set('Authorization', user.auth).expect(200))
      .body as GroupCard;

  describe('List members - GET /api/groups/:id/members', () => {
    it('requires authentication', async () => {
      await t.request().get(`/api/groups/${group.id}/members`).expect(401);
    });

    it('shows peers pseudonyms only: never emails, names or account ids', async () => {
      const response = await t
        .request()
        .get(`/api/groups/${group.id}/members`)
        .set('Authorization', member.auth)
        .expect(200);
      expect(response.body.map((m: { pseudonym: string }) => m.pseudonym)).toEqual(['Fran', 'Wren', 'Ash']);
      const text = JSON.stringify(response.body);
      for (const secret of [
        member.email,
        peer.email,
        facilitator.email,
        'Pat Peer',
        peer.id,
        facilitator.id,
      ]) {
        expect(text).not.toContain(secret);
      }
    });

    it('shows facilitators and admins who is behind each pseudonym', async () => {
      for (const staff of [facilitator, admin]) {
        const response = await t
          .request()
          .get(`/api/groups/${group.id}/members`)
          .set('Authorization', staff.auth)
          .expect(200);
        const wren = response.body.find((m: { pseudonym: string }) => m.pseudonym === 'Wren');
        expect(wren.account).toEqual({ userId: member.id, displayName: 'Mia Member', email: member.email });
      }
    });

    it('is refused to non-members', async () => {
      const outsider = await registerUser(t);
      await t
        .request()
        .get(`/api/groups/${group.id}/members`)
        .set('Authorization', outsider.auth)
        .expect(403);
    });
  });

  describe('Change a membership - PATCH /api/groups/:id/members/:userId', () => {
    it('requires authentication', async () => {
      await t
        .request()
        .patch(`/api/groups/${group.id}/members/${member.id}`)
        .send({ pseudonym: 'X' })
        .expect(401);
    });

    it('lets a member rename themself; pseudonyms are unique regardless of case and accents', async () => {
      await t
        .request()
        .patch(`/api/groups/${group.id}/members/${member.id}`)
        .set('Authorization', member.auth)
        .send({ pseudonym: 'Robin' })
        .expect(200);
      expect((await card(member)).membership?.pseudonym).toBe('Robin');
      for (const taken of ['ash', 'ÁSH', 'A.sh']) {
        const clash = await t
          .request()
          .patch(`/api/groups/${group.id}/members/${member.id}`)
          .set('Authorization', member.auth)
          .send({ pseudonym: taken })
          .expect(409);
        expect(clash.body.message).toMatch(/pseudonym is already used/);
      }
    });

    it('does not let a member rename someone else or change roles', async () => {
      await t
        .request()
        .patch(`/api/groups/${group.id}/members/${peer.id}`)
        .set('Authorization', member.auth)
        .send({ pseudonym: 'Gotcha' })
        .expect(403);
      await t
        .request()
        .patch(`/api/groups/${group.id}/members/${member.id}`)
        .set('Authorization', member.auth)
        .send({ role: 'facilitator' })
        .expect(403);
    });

    it('makes a staff account a co-facilitator, but never a plain member account', async () => {
      const refused = await t
        .request()
        .patch(`/api/groups/${group.id}/members/${member.id}`)
        .set('Authorization', facilitator.auth)
        .send({ role: 'facilitator' })
        .expect(409);
      expect(refused.body.message).toMatch(/facilitator or admin accounts/);

      const colleague = await createAccount(t, admin, 'facilitator', 'Cole');
      const added = await t
        .request()
        .post(`/api/groups/${group.id}/facilitators`)
        .set('Authorization', facilitator.auth)
        .send({ userId: colleague.id, pseudonym: 'Cole' })
        .expect(201);
      expect(added.body).toMatchObject({ role: 'facilitator', status: 'pending' });
      await acceptAgreement(t, colleague, group.id).expect(200);
      // Facilitators do not take member seats.
      expect((await card(colleague)).seatsLeft).toBe(1);
      // The colleague can now manage the group.
      await createInvite(t, colleague, group.id);
      // ...and facilitators can remove each other, as long as one remains.
      await t
        .request()
        .delete(`/api/groups/${group.id}/members/${colleague.id}`)
        .set('Authorization', facilitator.auth)
        .expect(204);
      await t
        .request()
        .delete(`/api/groups/${group.id}/members/${facilitator.id}`)
        .set('Authorization', facilitator.auth)
        .expect(409);
    });

    it('keeps at least one facilitator', async () => {
      const response = await t
        .request()
        .patch(`/api/groups/${group.id}/members/${facilitator.id}`)
        .set('Authorization', facilitator.auth)
        .send({ role: 'member' })
        .expect(409);
      expect(response.body.message).toMatch(/at least one facilitator/);
      await t
        .request()
        .delete(`/api/groups/${group.id}/members/${facilitator.id}`)
        .set('Authorization', facilitator.auth)
        .expect(409);
    });
  });

  describe('Leave or remove - DELETE /api/groups/:id/members/:userId', () => {
    it('requires authentication', async () => {
      await t.request().delete(`/api/groups/${group.id}/members/${member.id}`).expect(401);
    });

    it('lets a member leave, freeing their seat', async () => {
      expect((await card(facilitator)).seatsLeft).toBe(1);
      await t
        .request()
        .delete(`/api/groups/${group.id}/members/${member.id}`)
        .set('Authorization', member.auth)
        .expect(204);
      expect((await card(facilitator)).seatsLeft).toBe(2);
      expect((await card(member)).membership).toMatchObject({ status: 'left', endedReason: 'left' });
      await t.request().get(`/api/groups/${group.id}/members`).set('Authorization', member.auth).expect(403);
    });

    it('lets a facilitator remove a member, who is told the reason', async () => {
      await t
        .request()
        .delete(`/api/groups/${group.id}/members/${member.id}`)
        .set('Authorization', facilitator.auth)
        .send({ reason: 'Repeatedly shared others’ stories outside the group' })
        .expect(204);
      expect((await card(member)).membership).toMatchObject({
        status: 'removed',
        endedReason: 'removed',
        endedNote: 'Repeatedly shared others’ stories outside the group',
      });
      // Peers are not told the reason.
      const members = await t
        .request()
        .get(`/api/groups/${group.id}/members`)
        .set('Authorization', peer.auth)
        .expect(200);
      expect(JSON.stringify(members.body)).not.toContain('Repeatedly');
      // A removed member may come back by invitation.
      const invite = await createInvite(t, facilitator, group.id);
      await redeem(t, member, invite.code, 'Wren').expect(200);
    });

    it('does not let a member remove a peer', async () => {
      await t
        .request()
        .delete(`/api/groups/${group.id}/members/${peer.id}`)
        .set('Authorization', member.auth)
        .expect(403);
    });

    it('emits membership.ended with the reason, for the chat to evict sockets', async () => {
      const emitter = t.app.get((await import('@nestjs/event-emitter')).EventEmitter2);
      const seen: unknown[] = [];
      emitter.on('membership.ended', (event: unknown) => seen.push(event));
      await t
        .request()
        .delete(`/api/groups/${group.id}/members/${member.id}`)
        .set('Authorization', facilitator.auth)
        .send({ reason: 'Take care' })
        .expect(204);
      expect(seen).toEqual([
        expect.objectContaining({
          groupId: group.id,
          userId: member.id,
          reason: 'removed',
          note: 'Take care',
        }),
      ]);
    });
  });

  describe('Bans - POST /api/groups/:id/bans, DELETE /api/groups/:id/bans/:userId', () => {
    it('requires authentication', async () => {
      await t.request().post(`/api/groups/${group.id}/bans`).send({ userId: member.id }).expect(401);
      await t.request().delete(`/api/groups/${group.id}/bans/${member.id}`).expect(401);
    });

    it('bans a member: out at once, told why, and unable to come back until unbanned', async () => {
      const invite = await createInvite(t, facilitator, group.id);
      await t
        .request()
        .post(`/api/groups/${group.id}/bans`)
        .set('Authorization', facilitator.auth)
        .send({ userId: member.id, reason: 'Harassment of another member' })
        .expect(204);
      expect((await card(member)).membership).toMatchObject({
        status: 'banned',
        endedNote: 'Harassment of another member',
      });
      expect((await card(facilitator)).seatsLeft).toBe(2);

      await redeem(t, member, invite.code, 'Wren2').expect(403);
      await t
        .request()
        .post(`/api/groups/${group.id}/join-requests`)
        .set('Authorization', member.auth)
        .send({ pseudonym: 'Wren2' })
        .expect(403);
      const discover = await t
        .request()
        .get('/api/groups?scope=discover')
        .set('Authorization', member.auth)
        .expect(200);
      expect(discover.body.map((g: { id: string }) => g.id)).not.toContain(group.id);

      await t
        .request()
        .delete(`/api/groups/${group.id}/bans/${member.id}`)
        .set('Authorization', facilitator.auth)
        .expect(204);
      await redeem(t, member, invite.code, 'Wren').expect(200);
    });

    it('bans someone who never joined, so they cannot ask to', async () => {
      const outsider = await registerUser(t);
      await t
        .request()
        .post(`/api/groups/${group.id}/bans`)
        .set('Authorization', facilitator.auth)
        .send({ userId: outsider.id })
        .expect(204);
      await t
        .request()
        .post(`/api/groups/${group.id}/join-requests`)
        .set('Authorization', outsider.auth)
        .send({ pseudonym: 'Newbie' })
        .expect(403);
    });

    it('refuses to ban oneself, a facilitator, someone twice, or an unknown account; members cannot ban', async () => {
      const ban = (by: TestUser, userId: string) =>
        t.request().post(`/api/groups/${group.id}/bans`).set('Authorization', by.auth).send({ userId });
      await ban(facilitator, facilitator.id).expect(409);
      await ban(admin, facilitator.id).expect(409);
      await ban(facilitator, member.id).expect(204);
      await ban(facilitator, member.id).expect(409);
      await ban(facilitator, '8d3a3f8e-1111-4a4a-9b9b-123456789abc').expect(404);
      await ban(member, peer.id).expect(403);
      await t
        .request()
        .delete(`/api/groups/${group.id}/bans/${peer.id}`)
        .set('Authorization', facilitator.auth)
        .expect(404);
    });
  });
});
