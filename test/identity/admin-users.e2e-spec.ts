import { createTestApp, type TestApp } from '../support/app.js';
import {
  adminAndMember,
  createAccount,
  GOOD_PASSWORD,
  refresh,
  registerUser,
  signIn,
  type TestUser,
  uniqueEmail,
} from '../support/users.js';

describe('Admin users - /api/admin/users', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeEach(async () => {
    t = await createTestApp();
    ({ admin, member } = await adminAndMember(t));
  });

  afterEach(async () => {
    await t.close();
  });

  describe('List users - GET /api/admin/users', () => {
    it('requires authentication', async () => {
      await t.request().get('/api/admin/users').expect(401);
    });

    it('is forbidden to members and facilitators', async () => {
      const response = await t
        .request()
        .get('/api/admin/users')
        .set('Authorization', member.auth)
        .expect(403);
      expect(response.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'You do not have permission to do this',
      });
      const facilitator = await createAccount(t, admin, 'facilitator');
      await t.request().get('/api/admin/users').set('Authorization', facilitator.auth).expect(403);
    });

    it('lists accounts with emails, filtered by role and text, paginated', async () => {
      const all = await t.request().get('/api/admin/users').set('Authorization', admin.auth).expect(200);
      expect(all.body.total).toBe(2);
      expect(all.body.items.map((u: { email: string }) => u.email)).toEqual([admin.email, member.email]);

      const members = await t
        .request()
        .get('/api/admin/users?role=member')
        .set('Authorization', admin.auth)
        .expect(200);
      expect(members.body.items.map((u: { id: string }) => u.id)).toEqual([member.id]);

      const byText = await t
        .request()
        .get(`/api/admin/users?q=${encodeURIComponent(member.email.slice(0, 12).toUpperCase())}`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect(byText.body.items.map((u: { id: string }) => u.id)).toEqual([member.id]);

      const page = await t
        .request()
        .get('/api/admin/users?limit=1&offset=1')
        .set('Authorization', admin.auth)
        .expect(200);
      expect(page.body).toMatchObject({ total: 2, items: [{ id: member.id }] });
    });

    it('treats % and _ in the search text literally', async () => {
      const response = await t
        .request()
        .get('/api/admin/users?q=%25')
        .set('Authorization', admin.auth)
        .expect(200);
      expect(response.body.items).toEqual([]);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['offset=-1', 'offset'],
      ['role=owner', 'role'],
      ['sort=email', 'sort'],
    ])('refuses ?%s with details', async (query, field) => {
      const response = await t
        .request()
        .get(`/api/admin/users?${query}`)
        .set('Authorization', admin.auth)
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('Create a user - POST /api/admin/users', () => {
    it('requires authentication', async () => {
      await t.request().post('/api/admin/users').send({}).expect(401);
    });

    it('is forbidden to members', async () => {
      await t
        .request()
        .post('/api/admin/users')
        .set('Authorization', member.auth)
        .send({ email: uniqueEmail(), displayName: 'X', role: 'facilitator' })
        .expect(403);
    });

    it('creates a facilitator with a generated password shown once, which works for signing in', async () => {
      const email = uniqueEmail('fac');
      const response = await t
        .request()
        .post('/api/admin/users')
        .set('Authorization', admin.auth)
        .send({ email, displayName: 'Fran', role: 'facilitator' })
        .expect(201);
      expect(response.body).toMatchObject({ email, role: 'facilitator', disabled: false });
      expect(response.body.temporaryPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
      await t
        .request()
        .post('/api/auth/login')
        .send({ email, password: response.body.temporaryPassword })
        .expect(200);
    });

    it('creates a member with a given password and never echoes it', async () => {
      const response = await t
        .request()
        .post('/api/admin/users')
        .set('Authorization', admin.auth)
        .send({ email: uniqueEmail(), displayName: 'Mo', role: 'member', password: GOOD_PASSWORD })
        .expect(201);
      expect(response.body.temporaryPassword).toBeUndefined();
      expect(JSON.stringify(response.body)).not.toContain(GOOD_PASSWORD);
    });

    it.each([
      [{ email: 'x@example.org', displayName: 'X', role: 'admin' }, 'role'],
      [{ email: 'not-an-email', displayName: 'X', role: 'member' }, 'email'],
      [{ email: 'x@example.org', displayName: '', role: 'member' }, 'displayName'],
      [{ email: 'x@example.org', displayName: 'X', role: 'member', password: 'short' }, 'password'],
      [{ email: 'x@example.org', displayName: 'X', role: 'member', isAdmin: true }, 'isAdmin'],
    ])('refuses %j', async (body, field) => {
      const response = await t
        .request()
        .post('/api/admin/users')
        .set('Authorization', admin.auth)
        .send(body)
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('refuses an email already in use', async () => {
      await t
        .request()
        .post('/api/admin/users')
        .set('Authorization', admin.auth)
        .send({ email: member.email, displayName: 'Dup', role: 'member' })
        .expect(409);
    });
  });

  describe('Update a user - PATCH /api/admin/users/:id', () => {
    it('requires authentication', async () => {
      await t.request().patch(`/api/admin/users/${member.id}`).send({ role: 'facilitator' }).expect(401);
    });

    it('is forbidden to members, even on themselves', async () => {
      await t
        .request()
        .patch(`/api/admin/users/${member.id}`)
        .set('Authorization', member.auth)
        .send({ role: 'admin' })
        .expect(403);
    });

    it('changes a role, which applies to the next request at once', async () => {
      await t
        .request()
        .patch(`/api/admin/users/${member.id}`)
        .set('Authorization', admin.auth)
        .send({ role: 'admin' })
        .expect(200)
        .expect((response) => expect(response.body.role).toBe('admin'));
      await t.request().get('/api/admin/users').set('Authorization', member.auth).expect(200);
    });

    it('disables an account: it can neither use its tokens, nor refresh, nor sign in; enabling restores sign-in', async () => {
      await t
        .request()
        .patch(`/api/admin/users/${member.id}`)
        .set('Authorization', admin.auth)
        .send({ disabled: true })
        .expect(200)
        .expect((response) => expect(response.body.disabled).toBe(true));

      await t.request().get('/api/me').set('Authorization', member.auth).expect(401);
      await refresh(t, member.tokens.refreshToken).expect(401);
      const login = await signIn(t, member.email, member.password).expect(403);
      expect(login.body.message).toBe('This account is disabled');
      // A wrong password on a disabled account reveals nothing more than on any other.
      await signIn(t, member.email, 'wrong password!').expect(401);

      await t
        .request()
        .patch(`/api/admin/users/${member.id}`)
        .set('Authorization', admin.auth)
        .send({ disabled: false })
        .expect(200);
      await signIn(t, member.email, member.password).expect(200);
      // Sessions that were ended stay ended.
      await refresh(t, member.tokens.refreshToken).expect(401);
    });

    it('emits user.disabled and session.revoked for the chat gateway', async () => {
      const emitter = t.app.get((await import('@nestjs/event-emitter')).EventEmitter2);
      const seen: string[] = [];
      emitter.on('user.disabled', (event: { userId: string }) => seen.push(`disabled:${event.userId}`));
      emitter.on('session.revoked', (event: { userId: string; reason: string }) =>
        seen.push(`revoked:${event.userId}:${event.reason}`),
      );
      await t
        .request()
        .patch(`/api/admin/users/${member.id}`)
        .set('Authorization', admin.auth)
        .send({ disabled: true })
        .expect(200);
      expect(seen).toEqual([`disabled:${member.id}`, `revoked:${member.id}:disabled`]);
    });

    it('never demotes or disables the last admin', async () => {
      const demote = await t
        .request()
        .patch(`/api/admin/users/${admin.id}`)
        .set('Authorization', admin.auth)
        .send({ role: 'member' })
        .expect(409);
      expect(demote.body.message).toMatch(/last admin/);
      await t
        .request()
        .patch(`/api/admin/users/${admin.id}`)
        .set('Authorization', admin.auth)
        .send({ disabled: true })
        .expect(409);

      await t
        .request()
        .patch(`/api/admin/users/${member.id}`)
        .set('Authorization', admin.auth)
        .send({ role: 'admin' })
        .expect(200);
      await t
        .request()
        .patch(`/api/admin/users/${admin.id}`)
        .set('Authorization', admin.auth)
        .send({ role: 'member' })
        .expect(200);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      await t
        .request()
        .patch('/api/admin/users/5b0a4c1e-8a4e-4c59-9d7e-2f5f6a1d3c21')
        .set('Authorization', admin.auth)
        .send({ role: 'member' })
        .expect(404)
        .expect((response) => expect(response.body.message).toBe('User not found'));
      const malformed = await t
        .request()
        .patch('/api/admin/users/42')
        .set('Authorization', admin.auth)
        .send({ role: 'member' })
        .expect(400);
      expect(malformed.body.details[0].field).toBe('id');
    });

    it.each([[{ role: 'owner' }], [{ disabled: 'yes' }], [{ email: 'x@example.org' }]])(
      'refuses %j',
      async (body) => {
        await t
          .request()
          .patch(`/api/admin/users/${member.id}`)
          .set('Authorization', admin.auth)
          .send(body)
          .expect(400);
      },
    );
  });
});

describe('Profile - /api/me', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });

  afterEach(async () => {
    await t.close();
  });

  describe('Read my account - GET /api/me', () => {
    it('requires authentication', async () => {
      await t.request().get('/api/me').expect(401);
    });

    it('returns my own account', async () => {
      const user = await registerUser(t, { displayName: 'Sam' });
      const response = await t.request().get('/api/me').set('Authorization', user.auth).expect(200);
      expect(response.body).toMatchObject({
        id: user.id,
        email: user.email,
        displayName: 'Sam',
        role: 'admin',
      });
    });
  });

  describe('Update my account - PATCH /api/me', () => {
    it('requires authentication', async () => {
      await t.request().patch('/api/me').send({ displayName: 'X' }).expect(401);
    });

    it('changes the display name, trimmed', async () => {
      const user = await registerUser(t);
      const response = await t
        .request()
        .patch('/api/me')
        .set('Authorization', user.auth)
        .send({ displayName: '  Sky  ' })
        .expect(200);
      expect(response.body.displayName).toBe('Sky');
    });

    it('changes the password with the current one, and signs out every other session', async () => {
      const user = await registerUser(t);
      const other = await signIn(t, user.email, user.password);
      const newPassword = 'the tide comes in slowly';

      await t
        .request()
        .patch('/api/me')
        .set('Authorization', user.auth)
        .send({ currentPassword: user.password, newPassword })
        .expect(200);

      await t.request().get('/api/me').set('Authorization', user.auth).expect(200);
      await t
        .request()
        .get('/api/me')
        .set('Authorization', `Bearer ${other.body.tokens.accessToken}`)
        .expect(401);
      await refresh(t, other.body.tokens.refreshToken).expect(401);
      await signIn(t, user.email, user.password).expect(401);
      await signIn(t, user.email, newPassword).expect(200);
    });

    it('refuses a wrong current password, a missing one, and a weak new one, changing nothing', async () => {
      const user = await registerUser(t);
      const wrong = await t
        .request()
        .patch('/api/me')
        .set('Authorization', user.auth)
        .send({
          currentPassword: 'not my password',
          newPassword: 'the tide comes in slowly',
          displayName: 'Changed',
        })
        .expect(400);
      expect(wrong.body.details).toMatchObject([
        { field: 'currentPassword', message: 'currentPassword is incorrect' },
      ]);

      const missing = await t
        .request()
        .patch('/api/me')
        .set('Authorization', user.auth)
        .send({ newPassword: 'the tide comes in slowly' })
        .expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('currentPassword');

      const weak = await t
        .request()
        .patch('/api/me')
        .set('Authorization', user.auth)
        .send({ currentPassword: user.password, newPassword: 'password1234' })
        .expect(400);
      expect(weak.body.details).toMatchObject([
        { field: 'newPassword', message: expect.stringContaining('too common') },
      ]);

      const me = await t.request().get('/api/me').set('Authorization', user.auth).expect(200);
      expect(me.body.displayName).toBe('Robin');
      await signIn(t, user.email, user.password).expect(200);
    });

    it.each([
      [{ displayName: '' }],
      [{ displayName: 'x'.repeat(81) }],
      [{ displayName: 'a\u0000b' }],
      [{ role: 'admin' }],
    ])('refuses %j', async (body) => {
      const user = await registerUser(t);
      await t.request().patch('/api/me').set('Authorization', user.auth).send(body).expect(400);
    });
  });
});
