import { createTestApp, type TestApp } from '../support/app.js';
import { acceptAgreement, addActiveMember, createGroup, createInvite, redeem } from '../support/groups.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

describe('Groups', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let member: TestUser;
  let stranger: TestUser;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fran Facilitator');
    member = await registerUser(t, { displayName: 'Mia Member' });
    stranger = await registerUser(t, { displayName: 'Stan Stranger' });
  });

  afterEach(async () => {
    await t.close();
  });

  describe('Create a group - POST /api/groups', () => {
    it('requires authentication', async () => {
      await t.request().post('/api/groups').send({ name: 'x', kind: 'circle' }).expect(401);
    });

    it('is for facilitators and admins only', async () => {
      await t
        .request()
        .post('/api/groups')
        .set('Authorization', member.auth)
        .send({ name: 'Mine', kind: 'circle' })
        .expect(403);
    });

    it('makes the creator its first facilitator, with agreement version 1 accepted', async () => {
      const group = await createGroup(t, facilitator, {
        name: ' Postpartum circle ',
        capacity: 8,
        facilitatorPseudonym: 'Fran',
      });
      expect(group).toMatchObject({
        name: 'Postpartum circle',
        kind: 'circle',
        visibility: 'listed',
        capacity: 8,
        seatsLeft: 8,
        status: 'active',
        timezone: 'Europe/Berlin',
        agreementVersion: 1,
        nextMeeting: null,
        membership: {
          role: 'facilitator',
          status: 'active',
          pseudonym: 'Fran',
          agreementVersion: 1,
          consentRequired: false,
        },
      });
      const agreement = await t
        .request()
        .get(`/api/groups/${group.id}/agreement`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(agreement.body.version).toBe(1);
      expect(agreement.body.text).toContain('Confidentiality');
      expect(agreement.body.text).toContain('988');
      expect(agreement.body.text).toContain('1-800-944-4773');
    });

    it.each([
      [{ name: 'C', kind: 'cohort' }, 'endsOn'],
      [{ name: 'C', kind: 'circle', endsOn: '2027-01-01' }, 'endsOn'],
      [{ name: 'C', kind: 'cohort', endsOn: '2027-02-30x' }, 'endsOn'],
      [{ name: 'C', kind: 'circle', timezone: 'Mars/Olympus' }, 'timezone'],
      [{ name: 'C', kind: 'circle', capacity: 0 }, 'capacity'],
      [{ name: '', kind: 'circle' }, 'name'],
      [{ name: 'C', kind: 'club' }, 'kind'],
      [{ name: 'C', kind: 'circle', visibility: 'secret' }, 'visibility'],
      [{ name: 'C', kind: 'circle', facilitatorPseudonym: ' ' }, 'facilitatorPseudonym'],
      [{ name: 'C', kind: 'circle', description: null }, 'description'],
    ])('refuses %j', async (body, field) => {
      const response = await t
        .request()
        .post('/api/groups')
        .set('Authorization', facilitator.auth)
        .send(body)
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('creates a cohort with an end date', async () => {
      const group = await createGroup(t, facilitator, { kind: 'cohort', endsOn: '2027-03-31' });
      expect(group).toMatchObject({ kind: 'cohort', endsOn: '2027-03-31' });
    });
  });

  describe('List groups - GET /api/groups', () => {
    it('requires authentication', async () => {
      await t.request().get('/api/groups').expect(401);
    });

    it('lists my groups, and lets anyone discover listed active groups only', async () => {
      const listed = await createGroup(t, facilitator, { name: 'Listed' });
      const unlisted = await createGroup(t, facilitator, { name: 'Unlisted', visibility: 'unlisted' });
      await addActiveMember(t, facilitator, unlisted.id, member, 'Wren');

      const mine = await t.request().get('/api/groups').set('Authorization', member.auth).expect(200);
      expect(mine.body.map((g: { name: string }) => g.name)).toEqual(['Unlisted']);

      const discover = await t
        .request()
        .get('/api/groups?scope=discover')
        .set('Authorization', stranger.auth)
        .expect(200);
      expect(discover.body.map((g: { name: string }) => g.name)).toEqual(['Listed']);
      expect(discover.body[0].membership).toBeNull();

      await t.request().get('/api/groups?scope=all').set('Authorization', member.auth).expect(403);
      const all = await t.request().get('/api/groups?scope=all').set('Authorization', admin.auth).expect(200);
      expect(all.body.map((g: { id: string }) => g.id)).toEqual([listed.id, unlisted.id]);
    });
  });

  describe('Read a group - GET /api/groups/:id', () => {
    it('requires authentication', async () => {
      const group = await createGroup(t, facilitator);
      await t.request().get(`/api/groups/${group.id}`).expect(401);
    });

    it('hides an unlisted group from strangers as if it did not exist', async () => {
      const group = await createGroup(t, facilitator, { visibility: 'unlisted' });
      const hidden = await t
        .request()
        .get(`/api/groups/${group.id}`)
        .set('Authorization', stranger.auth)
        .expect(404);
      const missing = await t
        .request()
        .get('/api/groups/8d3a3f8e-1111-4a4a-9b9b-123456789abc')
        .set('Authorization', stranger.auth)
        .expect(404);
      expect(hidden.body).toEqual(missing.body);
    });

    it('answers a malformed id with 400', async () => {
      const response = await t
        .request()
        .get('/api/groups/not-a-uuid')
        .set('Authorization', member.auth)
        .expect(400);
      expect(response.body.details[0].field).toBe('id');
    });
  });

  describe('Update and archive - PATCH /api/groups/:id, POST /api/groups/:id/archive', () => {
    it('requires authentication', async () => {
      const group = await createGroup(t, facilitator);
      await t.request().patch(`/api/groups/${group.id}`).send({ name: 'x' }).expect(401);
      await t.request().post(`/api/groups/${group.id}/archive`).expect(401);
    });

    it('lets the facilitator update the card, never below the seats taken', async () => {
      const group = await createGroup(t, facilitator, { capacity: 3 });
      await addActiveMember(t, facilitator, group.id, member, 'Wren');
      await addActiveMember(t, facilitator, group.id, stranger, 'Ash');
      const updated = await t
        .request()
        .patch(`/api/groups/${group.id}`)
        .set('Authorization', facilitator.auth)
        .send({ name: 'Renamed', description: 'Weekly', capacity: 2, timezone: 'America/New_York' })
        .expect(200);
      expect(updated.body).toMatchObject({
        name: 'Renamed',
        description: 'Weekly',
        capacity: 2,
        seatsLeft: 0,
        timezone: 'America/New_York',
      });
      const tooSmall = await t
        .request()
        .patch(`/api/groups/${group.id}`)
        .set('Authorization', facilitator.auth)
        .send({ capacity: 1 })
        .expect(409);
      expect(tooSmall.body.message).toMatch(/2 seats already taken/);
      await t
        .request()
        .patch(`/api/groups/${group.id}`)
        .set('Authorization', member.auth)
        .send({ name: 'Mine' })
        .expect(403);
    });

    it('archives: read-only, but members keep reading', async () => {
      const group = await createGroup(t, facilitator);
      await addActiveMember(t, facilitator, group.id, member, 'Wren');
      const archived = await t
        .request()
        .post(`/api/groups/${group.id}/archive`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(archived.body.status).toBe('archived');

      await t.request().get(`/api/groups/${group.id}/members`).set('Authorization', member.auth).expect(200);
      await t
        .request()
        .get(`/api/groups/${group.id}/agreement`)
        .set('Authorization', member.auth)
        .expect(200);
      await t
        .request()
        .post(`/api/groups/${group.id}/archive`)
        .set('Authorization', facilitator.auth)
        .expect(409);
      await t
        .request()
        .patch(`/api/groups/${group.id}`)
        .set('Authorization', facilitator.auth)
        .send({ name: 'x' })
        .expect(409);
      await t
        .request()
        .post(`/api/groups/${group.id}/invites`)
        .set('Authorization', facilitator.auth)
        .send({})
        .expect(409);
      await t
        .request()
        .put(`/api/groups/${group.id}/agreement`)
        .set('Authorization', facilitator.auth)
        .send({ text: 'New' })
        .expect(409);
      const mine = await t.request().get('/api/groups').set('Authorization', member.auth).expect(200);
      expect(mine.body[0]).toMatchObject({ id: group.id, status: 'archived' });
    });
  });

  describe('Agreement and consent - /api/groups/:id/agreement', () => {
    it('requires authentication', async () => {
      const group = await createGroup(t, facilitator);
      await t.request().get(`/api/groups/${group.id}/agreement`).expect(401);
      await t.request().put(`/api/groups/${group.id}/agreement`).send({ text: 'x' }).expect(401);
      await t.request().post(`/api/groups/${group.id}/agreement/accept`).send({ version: 1 }).expect(401);
    });

    it('keeps a membership pending until the agreement is accepted, then activates it', async () => {
      const group = await createGroup(t, facilitator);
      const invite = await createInvite(t, facilitator, group.id);
      const redeemed = await redeem(t, member, invite.code, 'Wren').expect(200);
      expect(redeemed.body.membership).toMatchObject({
        status: 'pending',
        consentRequired: true,
        pseudonym: 'Wren',
      });
      await t.request().get(`/api/groups/${group.id}/members`).set('Authorization', member.auth).expect(403);

      const wrong = await acceptAgreement(t, member, group.id, 2).expect(409);
      expect(wrong.body.message).toMatch(/Version 1 is the current agreement/);
      const accepted = await acceptAgreement(t, member, group.id, 1).expect(200);
      expect(accepted.body).toEqual({ activated: true });

      const card = await t
        .request()
        .get(`/api/groups/${group.id}`)
        .set('Authorization', member.auth)
        .expect(200);
      expect(card.body.membership).toMatchObject({
        status: 'active',
        consentRequired: false,
        agreementVersion: 1,
      });
    });

    it('requires everyone to accept a new version again, and records who accepted which and when', async () => {
      const group = await createGroup(t, facilitator);
      t.clock.advance(1000);
      await addActiveMember(t, facilitator, group.id, member, 'Wren');
      const published = await t
        .request()
        .put(`/api/groups/${group.id}/agreement`)
        .set('Authorization', facilitator.auth)
        .send({ text: '# Our agreement\n\nBe kind. Keep confidences.' })
        .expect(200);
      expect(published.body.version).toBe(2);

      const card = await t
        .request()
        .get(`/api/groups/${group.id}`)
        .set('Authorization', member.auth)
        .expect(200);
      expect(card.body).toMatchObject({
        agreementVersion: 2,
        membership: { status: 'active', consentRequired: true, agreementVersion: 1 },
      });
      // Reading stays allowed meanwhile.
      await t.request().get(`/api/groups/${group.id}/members`).set('Authorization', member.auth).expect(200);
      // The facilitator who published it accepted it by publishing.
      const own = await t
        .request()
        .get(`/api/groups/${group.id}`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(own.body.membership.consentRequired).toBe(false);

      t.clock.advance(60_000);
      await acceptAgreement(t, member, group.id, 2).expect(200, { activated: false });
      const after = await t
        .request()
        .get(`/api/groups/${group.id}`)
        .set('Authorization', member.auth)
        .expect(200);
      expect(after.body.membership.consentRequired).toBe(false);

      const log = await t
        .request()
        .get(`/api/groups/${group.id}/agreement/acceptances`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(
        log.body.map((a: { pseudonym: string; version: number }) => `${a.pseudonym}:${a.version}`),
      ).toEqual(['Facilitator:1', 'Wren:1', 'Facilitator:2', 'Wren:2']);
      await t
        .request()
        .get(`/api/groups/${group.id}/agreement/acceptances`)
        .set('Authorization', member.auth)
        .expect(403);
    });

    it('refuses an empty or oversized agreement', async () => {
      const group = await createGroup(t, facilitator);
      for (const text of ['', '   ', 'x'.repeat(20_001), 42]) {
        await t
          .request()
          .put(`/api/groups/${group.id}/agreement`)
          .set('Authorization', facilitator.auth)
          .send({ text })
          .expect(400);
      }
    });
  });
});
