import { createTestApp, type TestApp } from '../support/app.js';
import { GOOD_PASSWORD, refresh, registerUser, signIn, uniqueEmail } from '../support/users.js';

describe('Authentication', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });

  afterEach(async () => {
    await t.close();
  });

  describe('Register - POST /api/auth/register', () => {
    it('creates the first account as admin and later ones as members', async () => {
      const first = await registerUser(t);
      const second = await registerUser(t);
      expect(first.role).toBe('admin');
      expect(second.role).toBe('member');
    });

    it('returns the account and a token pair, never the password hash', async () => {
      const response = await t
        .request()
        .post('/api/auth/register')
        .send({ email: '  Robin@Example.ORG ', displayName: ' Robin ', password: GOOD_PASSWORD })
        .expect(201);
      expect(response.body.user).toEqual({
        id: expect.any(String),
        email: 'robin@example.org',
        displayName: 'Robin',
        role: 'admin',
        disabled: false,
        secondFactor: false,
        emailVerified: false,
        createdAt: expect.any(String),
      });
      expect(response.body.tokens).toEqual({
        accessToken: expect.any(String),
        accessTokenExpiresAt: expect.any(String),
        refreshToken: expect.any(String),
        refreshTokenExpiresAt: expect.any(String),
      });
      expect(JSON.stringify(response.body)).not.toContain('argon2');
    });

    it('makes exactly one admin when the first sign-ups race', async () => {
      const results = await Promise.all(Array.from({ length: 6 }, () => registerUser(t)));
      expect(results.filter((user) => user.role === 'admin')).toHaveLength(1);
    });

    it('refuses a second account with the same email, whatever its case', async () => {
      await registerUser(t, { email: 'same@example.org' });
      const response = await t
        .request()
        .post('/api/auth/register')
        .send({ email: 'SAME@example.org', displayName: 'Other', password: GOOD_PASSWORD })
        .expect(409);
      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'An account with this email already exists',
        code: 'EMAIL_TAKEN',
      });
    });

    it.each([
      ['too short', 'short pass', 'at least 12 characters'],
      ['common', 'qwerty123456', 'too common'],
      ['a padded common password', 'password2024!', 'too common'],
    ])('refuses a %s password with field details', async (_label, password, reason) => {
      const response = await t
        .request()
        .post('/api/auth/register')
        .send({ email: uniqueEmail(), displayName: 'Robin', password })
        .expect(400);
      expect(response.body.details).toMatchObject([
        { field: 'password', message: expect.stringContaining(reason) },
      ]);
    });

    it('is closed to strangers when REGISTRATION=invite, except for the very first account', async () => {
      const closed = await createTestApp({ env: { REGISTRATION: 'invite' } });
      try {
        const first = await registerUser(closed);
        expect(first.role).toBe('admin');
        const response = await closed
          .request()
          .post('/api/auth/register')
          .send({ email: uniqueEmail(), displayName: 'Stranger', password: GOOD_PASSWORD })
          .expect(403);
        expect(response.body.message).toMatch(/invitation/);
      } finally {
        await closed.close();
      }
    });
  });

  describe('Login - POST /api/auth/login', () => {
    it('signs in with the right password, whatever the case of the email', async () => {
      const user = await registerUser(t, { email: 'case@example.org' });
      const response = await signIn(t, 'CASE@example.org', user.password).expect(200);
      expect(response.body.user.id).toBe(user.id);
      await t
        .request()
        .get('/api/me')
        .set('Authorization', `Bearer ${response.body.tokens.accessToken}`)
        .expect(200);
    });

    it('answers a wrong password and an unknown account identically', async () => {
      const user = await registerUser(t);
      const wrong = await signIn(t, user.email, 'not the password!');
      const unknown = await signIn(t, uniqueEmail('nobody'), 'not the password!');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid email or password',
        code: 'INVALID_CREDENTIALS',
      });
    });

    it('backs off exponentially after 5 failures, for known and unknown addresses alike', async () => {
      const user = await registerUser(t);
      for (const email of [user.email, uniqueEmail('ghost')]) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          await t.request().post('/api/auth/login').send({ email, password: 'wrong password!' }).expect(401);
        }
        const locked = await t
          .request()
          .post('/api/auth/login')
          .send({ email, password: 'wrong password!' })
          .expect(429);
        expect(locked.headers['retry-after']).toBe('30');
        expect(locked.body.message).toMatch(/Too many failed sign-in attempts/);
      }

      // Even the right password waits out the lock.
      await signIn(t, user.email, user.password).expect(429);

      t.clock.advance(31_000);
      await signIn(t, user.email, 'wrong password!').expect(401);
      const doubled = await signIn(t, user.email, user.password).expect(429);
      expect(doubled.headers['retry-after']).toBe('60');

      t.clock.advance(61_000);
      await signIn(t, user.email, user.password).expect(200);
      // Success forgives: the next failure does not lock.
      await signIn(t, user.email, 'wrong password!').expect(401);
      await signIn(t, user.email, user.password).expect(200);
    });

    it('lets through at most 5 of the guesses sent all at once', async () => {
      const user = await registerUser(t);
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => signIn(t, user.email, 'wrong password!')),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    });
  });

  describe('Refresh - POST /api/auth/refresh', () => {
    it('rotates: a new pair each time, and the old refresh token is spent', async () => {
      const user = await registerUser(t);
      const first = await refresh(t, user.tokens.refreshToken).expect(200);
      expect(first.body.refreshToken).not.toBe(user.tokens.refreshToken);
      await t.request().get('/api/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);

      const second = await refresh(t, first.body.refreshToken).expect(200);
      expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    });

    it('revokes the whole family when a spent refresh token is presented again after its successor was used', async () => {
      const user = await registerUser(t);
      const rotated = await refresh(t, user.tokens.refreshToken).expect(200);
      const next = await refresh(t, rotated.body.refreshToken).expect(200);

      const replay = await refresh(t, user.tokens.refreshToken).expect(401);
      expect(replay.body.message).toBe('Refresh token is invalid or expired');

      // The legitimate holder's newer tokens die with the family.
      await refresh(t, next.body.refreshToken).expect(401);
      await t.request().get('/api/me').set('Authorization', `Bearer ${next.body.accessToken}`).expect(401);
      // Other sessions of the same user are untouched.
      const other = await signIn(t, user.email, user.password);
      await t
        .request()
        .get('/api/me')
        .set('Authorization', `Bearer ${other.body.tokens.accessToken}`)
        .expect(200);
    });

    it('gives a lost answer again: the same refresh token, within the grace period, until that one is used', async () => {
      const user = await registerUser(t);
      const lost = await refresh(t, user.tokens.refreshToken).expect(200);
      t.clock.advance((t.config.auth.refreshReuseGraceSeconds - 1) * 1000);
      const again = await refresh(t, user.tokens.refreshToken).expect(200);
      expect(again.body.refreshToken).toBe(lost.body.refreshToken);
      await t.request().get('/api/me').set('Authorization', `Bearer ${again.body.accessToken}`).expect(200);
      // The session goes on from there as usual.
      const next = await refresh(t, again.body.refreshToken).expect(200);
      expect(next.body.refreshToken).not.toBe(again.body.refreshToken);
      await t.request().get('/api/me').set('Authorization', `Bearer ${next.body.accessToken}`).expect(200);
    });

    it('treats a second use after the grace period as theft, even if the answer was never used', async () => {
      const user = await registerUser(t);
      const rotated = await refresh(t, user.tokens.refreshToken).expect(200);
      t.clock.advance((t.config.auth.refreshReuseGraceSeconds + 1) * 1000);
      await refresh(t, user.tokens.refreshToken).expect(401);
      await refresh(t, rotated.body.refreshToken).expect(401);
    });

    it('answers two concurrent uses of the same token alike, with one successor', async () => {
      const user = await registerUser(t);
      const answers = await Promise.all([1, 2].map(() => refresh(t, user.tokens.refreshToken)));
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
      expect(answers[1].body.refreshToken).toBe(answers[0].body.refreshToken);
      await refresh(t, answers[0].body.refreshToken).expect(200);
    });

    it('without a grace period (REFRESH_REUSE_GRACE=0), any second use revokes the family', async () => {
      const strict = await createTestApp({ env: { REFRESH_REUSE_GRACE: '0' } });
      try {
        const user = await registerUser(strict);
        const rotated = await refresh(strict, user.tokens.refreshToken).expect(200);
        await refresh(strict, user.tokens.refreshToken).expect(401);
        await refresh(strict, rotated.body.refreshToken).expect(401);
      } finally {
        await strict.close();
      }
    });

    it('refuses an unknown token and an expired session', async () => {
      const user = await registerUser(t);
      await refresh(t, 'x'.repeat(43)).expect(401);
      t.clock.advance(t.config.auth.refreshTokenTtlSeconds * 1000 + 1000);
      await refresh(t, user.tokens.refreshToken).expect(401);
    });

    it('needs a refresh token of a plausible shape', async () => {
      const response = await refresh(t, 42).expect(400);
      expect(response.body.details[0].field).toBe('refreshToken');
    });
  });

  describe('Logout - POST /api/auth/logout', () => {
    it('requires authentication', async () => {
      await t.request().post('/api/auth/logout').expect(401);
    });

    it('ends the session: its access and refresh tokens stop working at once', async () => {
      const user = await registerUser(t);
      await t.request().post('/api/auth/logout').set('Authorization', user.auth).expect(204);
      await t.request().get('/api/me').set('Authorization', user.auth).expect(401);
      await refresh(t, user.tokens.refreshToken).expect(401);
    });
  });

  describe('Access tokens', () => {
    it('expire after ACCESS_TOKEN_TTL', async () => {
      const user = await registerUser(t);
      t.clock.advance((t.config.auth.accessTokenTtlSeconds - 5) * 1000);
      await t.request().get('/api/me').set('Authorization', user.auth).expect(200);
      t.clock.advance(10_000);
      await t.request().get('/api/me').set('Authorization', user.auth).expect(401);
    });

    it.each([
      ['garbage', 'Bearer not-a-jwt'],
      ['a forged signature', 'forge'],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
    ])('refuses %s', async (_label, header) => {
      const user = await registerUser(t);
      const value = header === 'forge' ? `Bearer ${user.tokens.accessToken.slice(0, -4)}AAAA` : header;
      const response = await t.request().get('/api/me').set('Authorization', value).expect(401);
      expect(response.body.error).toBe('Unauthorized');
    });
  });
});
