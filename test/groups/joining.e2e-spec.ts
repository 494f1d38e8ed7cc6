import { createTestApp, type TestApp } from '../support/app.js';
import { acceptAgreement, createGroup, createInvite, redeem, type GroupCard } from '../support/groups.js';
import { createAccount, registerUser, renew, type TestUser } from '../support/users.js';

describe('Joining a group', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let applicant: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    applicant = await registerUser(t, { displayName: 'Ana Applicant' });
    group = await createGroup(t, facilitator, { capacity: 2 });
  });

  afterEach(async () => {
    await t.close();
  });

  const ask = (
    user: TestUser,
    body: Record<string, unknown> = { pseudonym: 'Fern', message: 'Hi, I had my third session last week.' },
  ) => t.request().post(`/api/groups/${group.id}/join-requests`).set('Authorization', user.auth).send(body);

  describe('Ask to join - POST /api/groups/:id/join-requests', () => {
    it('requires authentication', async () => {
      await t.request().post(`/api/groups/${group.id}/join-requests`).send({ pseudonym: 'Fern' }).expect(401);
    });

    it('records a pending request, once', async () => {
      const response = await ask(applicant).expect(201);
      expect(response.body).toMatchObject({
        pseudonym: 'Fern',
        status: 'pending',
        message: 'Hi, I had my third session last week.',
      });
      const again = await ask(applicant).expect(409);
      expect(again.body.message).toMatch(/already asked/);
    });

    it('is not possible for unlisted groups, which are by invitation only', async () => {
      const unlisted = await createGroup(t, facilitator, { visibility: 'unlisted' });
      await t
        .request()
        .post(`/api/groups/${unlisted.id}/join-requests`)
        .set('Authorization', applicant.auth)
        .send({ pseudonym: 'Fern' })
        .expect(404);
    });

    it('refuses a pseudonym already used in the group, and members asking again', async () => {
      await ask(applicant, { pseudonym: 'facilitator' }).expect(409);
      await ask(facilitator, { pseudonym: 'Other' }).expect(409);
    });

    it.each([
      [{}],
      [{ pseudonym: 'x' }],
      [{ pseudonym: 'a'.repeat(33) }],
      [{ pseudonym: 'Fern', message: 'x'.repeat(1001) }],
      [{ pseudonym: '<b>hi</b>' }],
    ])('refuses %j', async (body) => {
      await ask(applicant, body).expect(400);
    });
  });

  describe('Review requests - GET, approve, decline, withdraw', () => {
    it('requires authentication', async () => {
      await t.request().get(`/api/groups/${group.id}/join-requests`).expect(401);
    });

    it('shows facilitators every request with who is asking; applicants only their own', async () => {
      await ask(applicant).expect(201);
      const other = await registerUser(t);
      await ask(other, { pseudonym: 'Moss' }).expect(201);

      const staff = await t
        .request()
        .get(`/api/groups/${group.id}/join-requests`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(staff.body).toHaveLength(2);
      expect(staff.body[0].applicant).toEqual({
        userId: applicant.id,
        displayName: 'Ana Applicant',
        email: applicant.email,
      });

      const own = await t
        .request()
        .get(`/api/groups/${group.id}/join-requests`)
        .set('Authorization', applicant.auth)
        .expect(200);
      expect(own.body.map((r: { pseudonym: string }) => r.pseudonym)).toEqual(['Fern']);
      expect(own.body[0].applicant).toBeUndefined();
    });

    it('approves: a seat is taken, the membership is pending until the agreement is accepted', async () => {
      const request = (await ask(applicant).expect(201)).body;
      const approved = await t
        .request()
        .post(`/api/groups/${group.id}/join-requests/${request.id}/approve`)
        .set('Authorization', facilitator.auth)
        .send({ note: 'Welcome!' })
        .expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', decisionNote: 'Welcome!' });

      const card = await t
        .request()
        .get(`/api/groups/${group.id}`)
        .set('Authorization', applicant.auth)
        .expect(200);
      expect(card.body).toMatchObject({
        seatsLeft: 1,
        membership: { status: 'pending', pseudonym: 'Fern', consentRequired: true },
      });
      await acceptAgreement(t, applicant, group.id).expect(200);

      await t
        .request()
        .post(`/api/groups/${group.id}/join-requests/${request.id}/approve`)
        .set('Authorization', facilitator.auth)
        .send({})
        .expect(409);
    });

    it('declines with a note the applicant can read', async () => {
      const request = (await ask(applicant).expect(201)).body;
      await t
        .request()
        .post(`/api/groups/${group.id}/join-requests/${request.id}/decline`)
        .set('Authorization', facilitator.auth)
        .send({ note: 'This circle is for parents in their first year; see the Thursday group.' })
        .expect(200);
      const own = await t
        .request()
        .get(`/api/groups/${group.id}/join-requests`)
        .set('Authorization', applicant.auth)
        .expect(200);
      expect(own.body[0]).toMatchObject({
        status: 'declined',
        decisionNote: expect.stringContaining('Thursday'),
      });
      // Declined, they may ask again later.
      await ask(applicant).expect(201);
    });

    it('lets the applicant withdraw, and nobody else', async () => {
      const request = (await ask(applicant).expect(201)).body;
      const other = await registerUser(t);
      await t
        .request()
        .delete(`/api/groups/${group.id}/join-requests/${request.id}`)
        .set('Authorization', other.auth)
        .expect(404);
      await t
        .request()
        .delete(`/api/groups/${group.id}/join-requests/${request.id}`)
        .set('Authorization', applicant.auth)
        .expect(204);
    });

    it('refuses approvals from members, and approval when the group is full', async () => {
      const request = (await ask(applicant).expect(201)).body;
      await t
        .request()
        .post(`/api/groups/${group.id}/join-requests/${request.id}/approve`)
        .set('Authorization', applicant.auth)
        .send({})
        .expect(403);
      await t
        .request()
        .patch(`/api/groups/${group.id}`)
        .set('Authorization', facilitator.auth)
        .send({ capacity: 1 })
        .expect(200);
      const filler = await registerUser(t);
      const invite = await createInvite(t, facilitator, group.id);
      await redeem(t, filler, invite.code, 'Filler').expect(200);
      const full = await t
        .request()
        .post(`/api/groups/${group.id}/join-requests/${request.id}/approve`)
        .set('Authorization', facilitator.auth)
        .send({})
        .expect(409);
      expect(full.body.message).toBe('This group is full');
    });
  });

  describe('Invites - /api/groups/:id/invites and /api/invites/:code', () => {
    it('requires authentication', async () => {
      await t.request().post(`/api/groups/${group.id}/invites`).send({}).expect(401);
      await t.request().get(`/api/groups/${group.id}/invites`).expect(401);
      await t.request().get('/api/invites/abc').expect(401);
      await t.request().post('/api/invites/abc/redeem').send({ pseudonym: 'Fern' }).expect(401);
    });

    it('creates a 144-bit url-safe code shown once; lists show only a hint', async () => {
      const created = await t
        .request()
        .post(`/api/groups/${group.id}/invites`)
        .set('Authorization', facilitator.auth)
        .send({ label: 'for Ana', maxUses: 1 })
        .expect(201);
      expect(created.body.code).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(created.body.path).toBe(`/invite/${created.body.code}`);
      const list = await t
        .request()
        .get(`/api/groups/${group.id}/invites`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(list.body).toEqual([
        expect.objectContaining({
          codeHint: created.body.code.slice(0, 4),
          label: 'for Ana',
          uses: 0,
          usable: true,
        }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain(created.body.code);
    });

    it('previews an unlisted group for the invitee, then lets them in', async () => {
      const unlisted = await createGroup(t, facilitator, { name: 'Private cohort', visibility: 'unlisted' });
      const invite = await createInvite(t, facilitator, unlisted.id);
      const preview = await t
        .request()
        .get(`/api/invites/${invite.code}`)
        .set('Authorization', applicant.auth)
        .expect(200);
      expect(preview.body).toMatchObject({ id: unlisted.id, name: 'Private cohort', membership: null });
      // The invitee may read the agreement before joining.
      await t
        .request()
        .get(`/api/groups/${unlisted.id}/agreement`)
        .set('Authorization', applicant.auth)
        .expect(404);
      const redeemed = await redeem(t, applicant, invite.code, 'Fern').expect(200);
      expect(redeemed.body.membership).toMatchObject({ status: 'pending' });
      await t
        .request()
        .get(`/api/groups/${unlisted.id}/agreement`)
        .set('Authorization', applicant.auth)
        .expect(200);
    });

    describe('Preview an invitation before signing in - GET /api/invites/:code/preview', () => {
      it('needs no authentication and tells the group and its agreement in brief, nothing about members', async () => {
        const unlisted = await createGroup(t, facilitator, {
          name: 'Private cohort',
          description: 'For mothers after ketamine-assisted therapy.',
          visibility: 'unlisted',
        });
        const invite = await createInvite(t, facilitator, unlisted.id);
        const preview = await t.request().get(`/api/invites/${invite.code}/preview`).expect(200);
        expect(preview.body).toEqual({
          groupName: 'Private cohort',
          description: 'For mothers after ketamine-assisted therapy.',
          agreementIntro: expect.stringMatching(/^This is a space to make sense/),
          agreementTopics: [
            'Confidentiality',
            'Respect',
            'Taking care',
            'If you are in crisis',
            'Facilitators',
          ],
        });
        expect(JSON.stringify(preview.body)).not.toMatch(/facilitator@|seats|capacity|pseudonym|"id"/i);
      });

      it('answers 404 alike for unknown, expired, revoked and used-up codes, and 400 for what is no code', async () => {
        await t.request().get('/api/invites/not-a-real-code/preview').expect(404);
        const expiring = await createInvite(t, facilitator, group.id, { expiresInHours: 1 });
        const revoked = await createInvite(t, facilitator, group.id);
        const once = await createInvite(t, facilitator, group.id, { maxUses: 1 });
        await t
          .request()
          .delete(`/api/groups/${group.id}/invites/${revoked.id}`)
          .set('Authorization', facilitator.auth)
          .expect(204);
        await redeem(t, applicant, once.code, 'Fern').expect(200);
        await t.request().get(`/api/invites/${revoked.code}/preview`).expect(404);
        await t.request().get(`/api/invites/${once.code}/preview`).expect(404);
        t.clock.advance(3_600_000 + 1000);
        const expired = await t.request().get(`/api/invites/${expiring.code}/preview`).expect(404);
        expect(expired.body).toMatchObject({
          statusCode: 404,
          message: 'Invite not found or no longer valid',
        });
        await t.request().get('/api/invites/%3Cscript%3E/preview').expect(400);
      });
    });

    it('expires', async () => {
      const invite = await createInvite(t, facilitator, group.id, { expiresInHours: 1 });
      t.clock.advance(3_600_000 + 1000);
      await renew(t, applicant);
      await redeem(t, applicant, invite.code, 'Fern').expect(404);
    });

    it('stops at its maximum uses', async () => {
      const invite = await createInvite(t, facilitator, group.id, { maxUses: 1 });
      await redeem(t, applicant, invite.code, 'Fern').expect(200);
      const second = await registerUser(t);
      await redeem(t, second, invite.code, 'Moss').expect(404);
    });

    it('can be revoked', async () => {
      const invite = await createInvite(t, facilitator, group.id);
      await t
        .request()
        .delete(`/api/groups/${group.id}/invites/${invite.id}`)
        .set('Authorization', facilitator.auth)
        .expect(204);
      await redeem(t, applicant, invite.code, 'Fern').expect(404);
      const list = await t
        .request()
        .get(`/api/groups/${group.id}/invites`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(list.body[0]).toMatchObject({ revoked: true, usable: false });
    });

    it('answers every invalid code alike', async () => {
      const expired = await createInvite(t, facilitator, group.id, { expiresInHours: 1 });
      const revoked = await createInvite(t, facilitator, group.id);
      await t
        .request()
        .delete(`/api/groups/${group.id}/invites/${revoked.id}`)
        .set('Authorization', facilitator.auth)
        .expect(204);
      t.clock.advance(3_600_000 + 1000);
      await renew(t, applicant);
      const answers = await Promise.all(
        [expired.code, revoked.code, 'AAAAAAAAAAAAAAAAAAAAAAAA', 'x'].map((code) =>
          redeem(t, applicant, code, 'Fern').then((r) => ({ status: r.status, body: r.body })),
        ),
      );
      for (const answer of answers) {
        expect(answer).toEqual({
          status: 404,
          body: {
            statusCode: 404,
            error: 'Not Found',
            message: 'Invite not found or no longer valid',
            code: 'INVITE_INVALID',
          },
        });
      }
    });

    it('refuses codes that are not codes, and members creating invites', async () => {
      await t.request().get(`/api/invites/${'%2F..%2F'}`).set('Authorization', applicant.auth).expect(400);
      await t
        .request()
        .post(`/api/invites/${'a'.repeat(65)}/redeem`)
        .set('Authorization', applicant.auth)
        .send({ pseudonym: 'Fern' })
        .expect(400);
      await t
        .request()
        .post(`/api/groups/${group.id}/invites`)
        .set('Authorization', applicant.auth)
        .send({})
        .expect(403);
    });
  });

  describe('The last free seat', () => {
    it('goes to exactly one of many concurrent redemptions', async () => {
      const invite = await createInvite(t, facilitator, group.id);
      const people = await Promise.all(Array.from({ length: 6 }, () => registerUser(t)));
      const statuses = await Promise.all(
        people.map((p, i) => redeem(t, p, invite.code, `Seat${i}`).then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(2);
      expect(statuses.filter((s) => s === 409)).toHaveLength(4);
      const card = await t
        .request()
        .get(`/api/groups/${group.id}`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(card.body.seatsLeft).toBe(0);
    });

    it('goes to exactly one of many concurrent approvals', async () => {
      await t
        .request()
        .patch(`/api/groups/${group.id}`)
        .set('Authorization', facilitator.auth)
        .send({ capacity: 1 })
        .expect(200);
      const people = await Promise.all(Array.from({ length: 5 }, () => registerUser(t)));
      const requests = await Promise.all(
        people.map((p, i) => ask(p, { pseudonym: `Asker${i}` }).then((r) => r.body.id as string)),
      );
      const statuses = await Promise.all(
        requests.map((id) =>
          t
            .request()
            .post(`/api/groups/${group.id}/join-requests/${id}/approve`)
            .set('Authorization', facilitator.auth)
            .send({})
            .then((r) => r.status),
        ),
      );
      expect(statuses.sort()).toEqual([200, 409, 409, 409, 409]);
    });
  });
});
