import { DataSource } from 'typeorm';

import { createTestApp, type TestApp } from '../support/app.js';
import { postgresAvailable, postgresEnv, type PostgresTarget } from '../support/postgres.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';
import { completeReset, GOOD_PASSWORD, registerUser, signIn } from '../support/users.js';

const target: PostgresTarget | null = await postgresAvailable();
const describeWithPostgres = target ? describe : describe.skip;
const NEW_PASSWORD = 'the kettle sings at dawn';

describeWithPostgres('Getting back in on PostgreSQL', () => {
  let database: string;
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    database = await target!.createDatabase('hearth_recovery');
    smtp = await startSmtpServer();
    t = await createTestApp({
      env: {
        ...postgresEnv(target!, database),
        SMTP_URL: smtp.url,
      },
    });
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
    await target!.dropDatabase(database);
  });

  const tokenIn = (mail: ReceivedMail) => /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];

  it('verifies an address, resets a password once within 30 minutes, and erases the links with the account', async () => {
    await registerUser(t, { displayName: 'Admin' });
    const mia = await registerUser(t, { displayName: 'Mia' });
    const verification = await smtp.nextMail(
      (m) => m.to.includes(mia.email) && m.subject === 'Confirm your email address for Hearth',
    );
    await t
      .request()
      .post('/api/auth/verify-email')
      .send({ token: tokenIn(verification) })
      .expect(204);

    await t.request().post('/api/auth/password-reset').send({ email: mia.email }).expect(202);
    const reset = tokenIn(
      await smtp.nextMail((m) => m.to.includes(mia.email) && m.subject === 'Choose a new Hearth password'),
    );
    t.clock.advance(29 * 60_000);
    const uses = await Promise.all([
      completeReset(t, reset, NEW_PASSWORD),
      completeReset(t, reset, 'a different long phrase'),
    ]);
    expect(uses.map((r) => r.status).sort()).toEqual([204, 400]);
    const fresh = await signIn(t, mia.email, NEW_PASSWORD);
    const password = fresh.status === 200 ? NEW_PASSWORD : 'a different long phrase';
    const signedIn = await signIn(t, mia.email, password).expect(200);
    expect(signedIn.body.user.emailVerified).toBe(true);
    await signIn(t, mia.email, GOOD_PASSWORD).expect(401);

    await t
      .request()
      .delete('/api/me')
      .set('Authorization', `Bearer ${signedIn.body.tokens.accessToken}`)
      .send({ password })
      .expect(204);
    const left = await t.app
      .get(DataSource)
      .query('SELECT count(*) AS n FROM account_tokens WHERE user_id = $1', [mia.id]);
    expect(Number(left[0].n)).toBe(0);
  });
});
