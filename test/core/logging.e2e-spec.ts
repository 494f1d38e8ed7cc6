import { createTestApp, type TestApp } from '../support/app.js';
import { refresh, registerUser, signIn } from '../support/users.js';

describe('Logs never hold secrets', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ captureLogs: true });
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

  it('logs the first admin once, by id and never by email', async () => {
    const lines = t.logs.filter((line) => line.includes('it is the admin'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('@example.org');
  });
});
