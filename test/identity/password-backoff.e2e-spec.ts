import { createTestApp, type TestApp } from '../support/app.js';
import { SHARED_VAPID_KEYS, postgresAvailable } from '../support/postgres.js';
import { adminAndMember, signIn, type TestUser } from '../support/users.js';

const WRONG = 'not my password at all';
const NEW_PASSWORD = 'the tide comes in slowly';

const pg = await postgresAvailable();
const backends: [string, boolean][] = [
  ['SQLite', true],
  ['PostgreSQL', pg !== null],
];

describe('Password back-off on my account - PATCH /api/me and DELETE /api/me', () => {
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

  const changePassword = (user: TestUser, currentPassword: string) =>
    t
      .request()
      .patch('/api/me')
      .set('Authorization', user.auth)
      .send({ currentPassword, newPassword: NEW_PASSWORD });

  const erase = (user: TestUser, password: string) =>
    t.request().delete('/api/me').set('Authorization', user.auth).send({ password });

  function expectLocked(response: { headers: Record<string, string>; body: unknown }, seconds: number): void {
    expect(response.headers['retry-after']).toBe(String(seconds));
    expect(response.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `Too many failed password attempts. Try again in ${seconds} seconds.`,
      code: 'RATE_LIMITED',
    });
  }

  it('locks the password change after 5 wrong passwords, refuses even the right one, and lets it in after the lock', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await changePassword(member, WRONG).expect(400);
      expect(wrong.body.details).toMatchObject([
        { field: 'currentPassword', message: 'currentPassword is incorrect' },
      ]);
    }
    expectLocked(await changePassword(member, WRONG).expect(429), 30);
    expectLocked(await changePassword(member, member.password).expect(429), 30);

    t.clock.advance(31_000);
    await changePassword(member, member.password).expect(200);
    await signIn(t, member.email, NEW_PASSWORD).expect(200);
    // Success forgives: the next failure does not lock.
    await changePassword(member, WRONG).expect(400);
    await changePassword(member, NEW_PASSWORD).expect(200);
  });

  it('locks erasure after 5 wrong passwords, refuses even the right one, and erases after the lock', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await erase(member, WRONG).expect(400);
      expect(wrong.body.details).toMatchObject([{ field: 'password', message: 'password is incorrect' }]);
    }
    expectLocked(await erase(member, WRONG).expect(429), 30);
    expectLocked(await erase(member, member.password).expect(429), 30);
    await t.request().get('/api/me').set('Authorization', member.auth).expect(200);

    t.clock.advance(31_000);
    await erase(member, member.password).expect(204);
    await signIn(t, member.email, member.password).expect(401);
  });

  it('counts both routes against one budget per account, across sessions, doubling the lock like sign-in', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) await changePassword(member, WRONG).expect(400);
    for (let attempt = 1; attempt <= 2; attempt++) await erase(member, WRONG).expect(400);
    expectLocked(await changePassword(member, member.password).expect(429), 30);
    expectLocked(await erase(member, member.password).expect(429), 30);

    // Another token for the same account is locked too; another account is not.
    const login = await signIn(t, member.email, member.password).expect(200);
    const second = { ...member, auth: `Bearer ${login.body.tokens.accessToken}` };
    await changePassword(second, member.password).expect(429);
    await changePassword(admin, WRONG).expect(400);
    await changePassword(admin, admin.password).expect(200);

    t.clock.advance(31_000);
    await erase(member, WRONG).expect(400);
    expectLocked(await changePassword(member, member.password).expect(429), 60);
    t.clock.advance(61_000);
    await erase(member, member.password).expect(204);
  });
});

describe.each(backends)('Password back-off against a burst of guesses, on %s', (name, available) => {
  const maybe = available ? it : it.skip;
  let t: TestApp;
  let database: string | null = null;

  afterEach(async () => {
    await t?.close();
    if (database) await pg!.dropDatabase(database);
  });

  maybe('lets through at most 5 of the guesses sent all at once', async () => {
    const env: Record<string, string> = {};
    if (name === 'PostgreSQL') {
      database = await pg!.createDatabase('hearth_backoff');
      Object.assign(env, {
        DATABASE_URL: pg!.urlFor(database),
        JWT_SECRET: 'g'.repeat(40),
        MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
        ...SHARED_VAPID_KEYS,
      });
    }
    t = await createTestApp({ env });
    const { member } = await adminAndMember(t);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2
          ? t.request().delete('/api/me').set('Authorization', member.auth).send({ password: WRONG })
          : t
              .request()
              .patch('/api/me')
              .set('Authorization', member.auth)
              .send({ currentPassword: WRONG, newPassword: NEW_PASSWORD }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(5).fill(400), ...Array(7).fill(429)]);
  });
});
