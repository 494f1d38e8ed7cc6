import { createTestApp, type TestApp } from '../support/app.js';
import { createGroup, createInvite, redeem } from '../support/groups.js';
import { createAccount, refresh, registerUser, signIn, type TestUser } from '../support/users.js';

describe('Logs never hold secrets', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ captureLogs: true });
    admin = await registerUser(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('records a sign-in, a failed sign-in and a refresh without any password or token', async () => {
    const user = await registerUser(t, { password: 'my secret phrase is long' });
    const login = await signIn(t, user.email, user.password).expect(200);
    await signIn(t, user.email, 'the wrong secret phrase').expect(401);
    const refreshed = await refresh(t, login.body.tokens.refreshToken).expect(200);
    await t
      .request()
      .get('/api/me?token=query-secret-value')
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
      .expect(200);

    const logs = t.logs.join('');
    // The requests were logged (so this test can see what it checks)...
    expect(logs).toContain('"path":"/api/auth/login"');
    expect(logs).toContain('"statusCode":401');
    expect(logs).toContain('"path":"/api/me"');
    // ...and nothing secret was.
    const secrets = [
      'my secret phrase is long',
      'the wrong secret phrase',
      user.tokens.accessToken,
      user.tokens.refreshToken,
      login.body.tokens.accessToken,
      login.body.tokens.refreshToken,
      refreshed.body.accessToken,
      refreshed.body.refreshToken,
      'query-secret-value',
      '$argon2id$',
    ];
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
    }
    // Every line is one JSON object.
    for (const line of logs.trim().split('\n')) {
      expect(() => JSON.parse(line)).not.toThrow();
    }
  });

  it('redacts invitation codes from logged paths and never logs the calendar token', async () => {
    const facilitator = await createAccount(t, admin, 'facilitator');
    const member = await registerUser(t);
    const group = await createGroup(t, facilitator);
    const invite = await createInvite(t, facilitator, group.id);
    const unknownCode = 'NotAnInviteCodeButSecretLooking';

    await t.request().get(`/api/invites/${invite.code}`).set('Authorization', member.auth).expect(200);
    await redeem(t, member, invite.code, 'Wren').expect(200);
    await redeem(t, member, unknownCode, 'Wren').expect(404);
    // The web client's page for an invitation link is served by the same process.
    await t.request().get(`/invite/${invite.code}`);
    const { body: feed } = await t
      .request()
      .post('/api/me/calendar-token')
      .set('Authorization', member.auth)
      .expect(200);
    await t.request().get(feed.path).expect(200);

    const logs = t.logs.join('');
    // The requests were logged by their route shape...
    expect(logs).toContain('"path":"/api/invites/[redacted]"');
    expect(logs).toContain('"path":"/api/invites/[redacted]/redeem"');
    expect(logs).toContain('"path":"/invite/[redacted]"');
    expect(logs).toContain('"path":"/api/me/calendar.ics"');
    // ...and no code or token was, in any line.
    for (const secret of [invite.code, unknownCode, feed.token]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('logs the first admin once, by id and never by email', async () => {
    const lines = t.logs.filter((line) => line.includes('it is the admin'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('@example.org');
  });
});
