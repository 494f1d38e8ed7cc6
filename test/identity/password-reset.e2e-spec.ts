import { createHash } from 'node:crypto';

import { DataSource } from 'typeorm';

import { createTestApp, type TestApp } from '../support/app.js';
import { recordDomainEvents } from '../support/events.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';
import {
  completeReset,
  disableAccount,
  GOOD_PASSWORD,
  registerUser,
  signIn,
  uniqueEmail,
  type TestUser,
} from '../support/users.js';

const NEW_PASSWORD = 'the kettle sings at dawn';
const PUBLIC_URL = 'https://hearth.example.org';

const tokenIn = (mail: ReceivedMail) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
/** The reset mail to this address (a new account also gets a verification mail). */
const to = (address: string) => (mail: ReceivedMail) =>
  mail.to.includes(address) && mail.subject === 'Choose a new Hearth password';

describe('Password reset by email - POST /api/auth/password-reset, POST /api/auth/password-reset/complete', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let admin: TestUser;
  let mia: TestUser;

  beforeEach(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL }, captureLogs: true });
    admin = await registerUser(t, { displayName: 'Admin' });
    mia = await registerUser(t, { displayName: 'Mia' });
  });

  afterEach(async () => {
    await t.close();
    await smtp.close();
  });

  async function askForReset(email: string) {
    return t.request().post('/api/auth/password-reset').send({ email }).expect(202);
  }

  it('says that email is configured', async () => {
    const instance = await t.request().get('/api/instance').expect(200);
    expect(instance.body.email).toBe(true);
  });

  it('emails a single-use link with a plain-text and an HTML body, from the default sender', async () => {
    await askForReset(mia.email.toUpperCase());
    const mail = await smtp.nextMail(to(mia.email));
    expect(mail.subject).toBe('Choose a new Hearth password');
    expect(mail.from).toBe('no-reply@hearth.example.org');
    const token = tokenIn(mail);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(mail.text).toContain(`${PUBLIC_URL}/reset-password?token=${token}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/reset-password?token=${token}"`);
    expect(mail.html).not.toMatch(/<img|Mia/);
    expect(mail.text).not.toContain('Mia');

    await completeReset(t, token, NEW_PASSWORD).expect(204);
    await signIn(t, mia.email, NEW_PASSWORD).expect(200);
    await signIn(t, mia.email, GOOD_PASSWORD).expect(401);

    const again = await completeReset(t, token, 'yet another long phrase').expect(400);
    expect(again.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'This link is invalid, already used or expired. Ask for a new one.',
      code: 'LINK_INVALID',
    });
  });

  it('stores only a hash of the token, and logs neither the address nor the token', async () => {
    await askForReset(mia.email);
    const token = tokenIn(await smtp.nextMail(to(mia.email)));
    const rows = await t.app.get(DataSource).query('SELECT * FROM account_tokens');
    expect(JSON.stringify(rows)).not.toContain(token);
    const resets = rows.filter((row: { purpose: string }) => row.purpose === 'password_reset');
    expect(resets).toEqual([
      expect.objectContaining({
        user_id: mia.id,
        token_hash: createHash('sha256').update(token).digest('hex'),
      }),
    ]);
    await t.request().get(`/reset-password?token=${token}`);
    const logs = t.logs.join('');
    expect(logs).toContain('/reset-password');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(mia.email);
    expect(logs).toContain('Account link emailed');
  });

  it('gives the same answer for an unknown address, and sends nothing', async () => {
    const known = await askForReset(mia.email);
    const unknown = await askForReset(uniqueEmail('nobody'));
    expect(unknown.body).toEqual(known.body);
    expect(known.body).toEqual({ message: expect.stringContaining('If an account uses this address') });
    await smtp.nextMail(to(mia.email));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.filter((mail) => mail.subject === 'Choose a new Hearth password')).toHaveLength(1);
  });

  it('answers an address with an account without waiting for the mail: a slow mail server does not tell it apart', async () => {
    // The account is looked up and the mail sent after the answer, so neither shows in how long it takes. With the
    // mail server taking 3 s to accept, an answer that waited for it would take 3 s; far under is the proof.
    smtp.holdNext(3000);
    const started = performance.now();
    await askForReset(mia.email);
    expect(performance.now() - started).toBeLessThan(1500);
    await smtp.nextMail(to(mia.email), 10_000);
  });

  it('sends nothing to a disabled account, with the same answer', async () => {
    await disableAccount(t, admin, mia.id);
    const answer = await askForReset(mia.email);
    expect(answer.body.message).toContain('If an account uses this address');
    await expect(smtp.nextMail(to(mia.email), 500)).rejects.toThrow(/no mail/);
  });

  it('refuses a link after 30 minutes', async () => {
    await askForReset(mia.email);
    const token = tokenIn(await smtp.nextMail(to(mia.email)));
    t.clock.advance(30 * 60_000 + 1000);
    await completeReset(t, token, NEW_PASSWORD).expect(400);
    await signIn(t, mia.email, GOOD_PASSWORD).expect(200);
  });

  it('accepts a link just before 30 minutes', async () => {
    await askForReset(mia.email);
    const token = tokenIn(await smtp.nextMail(to(mia.email)));
    t.clock.advance(29 * 60_000);
    await completeReset(t, token, NEW_PASSWORD).expect(204);
  });

  it('ends every session of the person, and the sign-in history says why', async () => {
    const other = await signIn(t, mia.email, GOOD_PASSWORD).expect(200);
    await askForReset(mia.email);
    const token = tokenIn(await smtp.nextMail(to(mia.email)));
    await completeReset(t, token, NEW_PASSWORD).expect(204);
    await t.request().get('/api/me').set('Authorization', mia.auth).expect(401);
    await t
      .request()
      .get('/api/me')
      .set('Authorization', `Bearer ${other.body.tokens.accessToken}`)
      .expect(401);
    await t.request().post('/api/auth/refresh').send({ refreshToken: mia.tokens.refreshToken }).expect(401);

    const fresh = await signIn(t, mia.email, NEW_PASSWORD).expect(200);
    const history = await t
      .request()
      .get('/api/me/sign-ins')
      .set('Authorization', `Bearer ${fresh.body.tokens.accessToken}`)
      .expect(200);
    const ended = history.body.filter(
      (s: { endedReason: string | null }) => s.endedReason === 'password_reset',
    );
    expect(ended).toHaveLength(2);
  });

  it('a newer link replaces the earlier one', async () => {
    await askForReset(mia.email);
    const first = tokenIn(await smtp.nextMail(to(mia.email)));
    await askForReset(mia.email);
    const second = tokenIn(await smtp.nextMail(to(mia.email)));
    await completeReset(t, first, NEW_PASSWORD).expect(400);
    await completeReset(t, second, NEW_PASSWORD).expect(204);
  });

  it('limits requests per address, existing or not', async () => {
    const nobody = uniqueEmail('nobody');
    for (let i = 0; i < 3; i++) await askForReset(nobody);
    const limited = await t.request().post('/api/auth/password-reset').send({ email: nobody }).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, message: expect.stringContaining('this address') });
    expect(limited.headers['retry-after']).toBeDefined();
    await askForReset(mia.email);
  });

  it('limits requests per IP address', async () => {
    for (let i = 0; i < 10; i++) await askForReset(uniqueEmail('someone'));
    const limited = await t
      .request()
      .post('/api/auth/password-reset')
      .send({ email: uniqueEmail('someone') })
      .expect(429);
    expect(limited.body.message).toContain('this network');
  });

  it('refuses bad input with the documented 400 shape, never a 500', async () => {
    const request = '/api/auth/password-reset';
    const complete = '/api/auth/password-reset/complete';
    const cases: [string, unknown][] = [
      [request, {}],
      [request, { email: 'not an address' }],
      [request, { email: 42 }],
      [request, { email: ['a@b.c'] }],
      [complete, {}],
      [complete, { token: 'x' }],
      [complete, { token: 'has spaces and !', password: NEW_PASSWORD }],
      [complete, { token: 'a'.repeat(500), password: NEW_PASSWORD }],
      [complete, { token: 12, password: NEW_PASSWORD }],
    ];
    for (const [path, body] of cases) {
      const response = await t
        .request()
        .post(path)
        .send(body as object)
        .expect(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        details: expect.any(Array),
      });
    }
    const unknown = await completeReset(t, 'a'.repeat(43), NEW_PASSWORD).expect(400);
    expect(unknown.body.message).toContain('This link is invalid');
  });

  it('checks the new password with the password rules, and keeps the link for another try', async () => {
    await askForReset(mia.email);
    const token = tokenIn(await smtp.nextMail(to(mia.email)));
    const weak = await completeReset(t, token, 'short').expect(400);
    expect(weak.body.details).toMatchObject([{ field: 'password', message: expect.any(String) }]);
    await completeReset(t, token, NEW_PASSWORD).expect(204);
  });

  it('marks the address verified, since the link reached it, and says so after commit', async () => {
    const recorder = recordDomainEvents(t);
    await askForReset(mia.email);
    const token = tokenIn(await smtp.nextMail(to(mia.email)));
    await completeReset(t, token, NEW_PASSWORD).expect(204);
    const fresh = await signIn(t, mia.email, NEW_PASSWORD).expect(200);
    expect(fresh.body.user.emailVerified).toBe(true);
    expect(recorder.of('user.password_reset')).toEqual([{ userId: mia.id, by: 'email' }]);
    expect(recorder.of('user.email_verified')).toEqual([{ userId: mia.id }]);
    expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
  });
});

describe('Password reset without email - POST /api/auth/password-reset', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });

  afterEach(async () => {
    await t.close();
  });

  it('says plainly that email is not configured, and whom to ask', async () => {
    const instance = await t.request().get('/api/instance').expect(200);
    expect(instance.body.email).toBe(false);
    const response = await t
      .request()
      .post('/api/auth/password-reset')
      .send({ email: uniqueEmail() })
      .expect(409);
    expect(response.body.message).toContain('Ask your group’s facilitator or an admin for a reset link');
  });
});
