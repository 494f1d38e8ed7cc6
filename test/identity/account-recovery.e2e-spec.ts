import { DataSource } from 'typeorm';

import { Mailer, MailRejectedError } from '@hearth/core';
import { UsersService } from '@hearth/identity';

import { createTestApp, type TestApp } from '../support/app.js';
import { recordDomainEvents } from '../support/events.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';
import {
  completeReset,
  createAccount,
  disableAccount,
  exportOf,
  GOOD_PASSWORD,
  registerUser,
  signIn,
  type TestUser,
} from '../support/users.js';

const NEW_PASSWORD = 'the kettle sings at dawn';
const PUBLIC_URL = 'https://hearth.example.org';
const VERIFY_SUBJECT = 'Confirm your email address for Hearth';

const verificationTo = (address: string) => (mail: ReceivedMail) =>
  mail.to.includes(address) && mail.subject === VERIFY_SUBJECT;
const verifyToken = (mail: ReceivedMail) => /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];

describe('Create a reset link for a person - POST /api/admin/users/:id/reset-link', () => {
  let t: TestApp;
  let admin: TestUser;
  let mia: TestUser;

  beforeEach(async () => {
    t = await createTestApp({ env: { PUBLIC_URL } });
    admin = await registerUser(t, { displayName: 'Admin' });
    mia = await registerUser(t, { displayName: 'Mia' });
  });

  afterEach(async () => {
    await t.close();
  });

  const createLink = (auth: string, id: string) =>
    t.request().post(`/api/admin/users/${id}/reset-link`).set('Authorization', auth);

  it('requires authentication, and the admin role', async () => {
    await t.request().post(`/api/admin/users/${mia.id}/reset-link`).expect(401);
    await createLink(mia.auth, admin.id).expect(403);
    const facilitator = await createAccount(t, admin, 'facilitator');
    await createLink(facilitator.auth, mia.id).expect(403);
  });

  it('gives a one-time link for 30 minutes that sets a new password and ends every session', async () => {
    const before = t.clock.now();
    const created = await createLink(admin.auth, mia.id).expect(201);
    expect(created.body).toEqual({
      url: expect.stringMatching(
        /^https:\/\/hearth\.example\.org\/reset-password\?token=[A-Za-z0-9_-]{43,}$/,
      ),
      expiresAt: expect.any(String),
    });
    const minutes = (new Date(created.body.expiresAt).getTime() - before.getTime()) / 60_000;
    expect(Math.round(minutes)).toBe(30);
    const token = new URL(created.body.url).searchParams.get('token');

    await completeReset(t, token, NEW_PASSWORD).expect(204);
    await t.request().get('/api/me').set('Authorization', mia.auth).expect(401);
    const fresh = await signIn(t, mia.email, NEW_PASSWORD).expect(200);
    // An admin's link proves nothing about the address.
    expect(fresh.body.user.emailVerified).toBe(false);
    await completeReset(t, token, 'yet another long phrase').expect(400);
  });

  it('expires after 30 minutes', async () => {
    const created = await createLink(admin.auth, mia.id).expect(201);
    const token = new URL(created.body.url).searchParams.get('token');
    t.clock.advance(31 * 60_000);
    await completeReset(t, token, NEW_PASSWORD).expect(400);
    await signIn(t, mia.email, GOOD_PASSWORD).expect(200);
  });

  it('is recorded in the access log that the person can read', async () => {
    await createLink(admin.auth, mia.id).expect(201);
    const log = await t.request().get('/api/me/access-log').set('Authorization', mia.auth).expect(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        kind: 'identity',
        resourceId: mia.id,
        actor: { displayName: 'Admin', role: 'admin' },
      }),
    ]);
  });

  it('answers 404 for an unknown person, 400 for a malformed id, 409 for a disabled account', async () => {
    await createLink(admin.auth, '00000000-0000-4000-8000-000000000000').expect(404);
    const malformed = await createLink(admin.auth, 'not-a-uuid').expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    await disableAccount(t, admin, mia.id);
    await createLink(admin.auth, mia.id).expect(409);
  });
});

describe('Verify an email address - POST /api/auth/verify-email, POST /api/me/email-verification', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let admin: TestUser;
  let mia: TestUser;

  beforeEach(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    admin = await registerUser(t, { displayName: 'Admin' });
    mia = await registerUser(t, { displayName: 'Mia' });
  });

  afterEach(async () => {
    await t.close();
    await smtp.close();
  });

  const me = async (user: TestUser) =>
    (await t.request().get('/api/me').set('Authorization', user.auth).expect(200)).body;

  it('emails a new account a link for 24 hours that verifies the address once', async () => {
    expect((await me(mia)).emailVerified).toBe(false);
    const mail = await smtp.nextMail(verificationTo(mia.email));
    expect(mail.text).toContain(`${PUBLIC_URL}/verify-email?token=`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/verify-email?token=`);
    const token = verifyToken(mail);
    await t.request().post('/api/auth/verify-email').send({ token }).expect(204);
    expect((await me(mia)).emailVerified).toBe(true);
    const again = await t.request().post('/api/auth/verify-email').send({ token }).expect(400);
    expect(again.body.message).toContain('This link is invalid');
  });

  it('announces a verified address and a reset password after commit', async () => {
    const recorder = recordDomainEvents(t);
    const token = verifyToken(await smtp.nextMail(verificationTo(mia.email)));
    await t.request().post('/api/auth/verify-email').send({ token }).expect(204);
    const link = await t
      .request()
      .post(`/api/admin/users/${mia.id}/reset-link`)
      .set('Authorization', admin.auth);
    await completeReset(t, new URL(link.body.url).searchParams.get('token'), NEW_PASSWORD).expect(204);
    recorder.stop();
    expect(recorder.of('user.email_verified')).toEqual([{ userId: mia.id }]);
    expect(recorder.of('user.password_reset')).toEqual([{ userId: mia.id, by: 'admin' }]);
    expect(recorder.of('session.revoked')).toEqual([
      { userId: mia.id, sessionId: expect.any(String), reason: 'password_reset' },
    ]);
    expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
  });

  it('emails an account an admin created too', async () => {
    const facilitator = await createAccount(t, admin, 'facilitator');
    await smtp.nextMail(verificationTo(facilitator.email));
  });

  it('refuses a link after 24 hours, and a new one can be asked for', async () => {
    const token = verifyToken(await smtp.nextMail(verificationTo(mia.email)));
    t.clock.advance(24 * 60 * 60_000 + 1000);
    await t.request().post('/api/auth/verify-email').send({ token }).expect(400);
    await signIn(t, mia.email, GOOD_PASSWORD)
      .expect(200)
      .then((r) => {
        mia.auth = `Bearer ${r.body.tokens.accessToken}`;
      });
    const resent = await t
      .request()
      .post('/api/me/email-verification')
      .set('Authorization', mia.auth)
      .expect(202);
    expect(resent.body.message).toContain('24 hours');
    const fresh = verifyToken(await smtp.nextMail(verificationTo(mia.email)));
    await t.request().post('/api/auth/verify-email').send({ token: fresh }).expect(204);
    expect((await me(mia)).emailVerified).toBe(true);
    await t.request().post('/api/me/email-verification').set('Authorization', mia.auth).expect(409);
  });

  it('requires authentication to resend, and limits resends', async () => {
    await t.request().post('/api/me/email-verification').expect(401);
    for (let i = 0; i < 3; i++) {
      await t.request().post('/api/me/email-verification').set('Authorization', mia.auth).expect(202);
    }
    const limited = await t
      .request()
      .post('/api/me/email-verification')
      .set('Authorization', mia.auth)
      .expect(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('refuses a reset token as a verification token, and bad input with the 400 shape', async () => {
    await t.request().post('/api/auth/password-reset').send({ email: mia.email }).expect(202);
    const reset = await smtp.nextMail((m) => m.subject === 'Choose a new Hearth password');
    const resetToken = /token=([A-Za-z0-9_-]+)/.exec(reset.text)![1];
    await t.request().post('/api/auth/verify-email').send({ token: resetToken }).expect(400);
    for (const body of [{}, { token: 5 }, { token: 'no spaces allowed' }]) {
      const response = await t.request().post('/api/auth/verify-email').send(body).expect(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        details: expect.any(Array),
      });
    }
  });

  it('tells the notifications library where to write, and whether the address is verified', async () => {
    const users = t.app.get(UsersService);
    expect(await users.emailFor(mia.id)).toEqual({ email: mia.email, verified: false });
    const token = verifyToken(await smtp.nextMail(verificationTo(mia.email)));
    await t.request().post('/api/auth/verify-email').send({ token }).expect(204);
    expect(await users.emailFor(mia.id)).toEqual({ email: mia.email, verified: true });
    expect(await users.emailFor('00000000-0000-4000-8000-000000000000')).toBeNull();
    await disableAccount(t, admin, mia.id);
    expect(await users.emailFor(mia.id)).toBeNull();
  });

  it('keeps the tokens out of the export, and erases them with the account', async () => {
    await smtp.nextMail(verificationTo(mia.email));
    const files = await exportOf(t, mia);
    const text = Object.values(files)
      .map((bytes) => Buffer.from(bytes).toString('utf8'))
      .join('\n');
    expect(text).not.toMatch(/account_tokens|token_hash|tokenHash/);
    await t
      .request()
      .delete('/api/me')
      .set('Authorization', mia.auth)
      .send({ password: GOOD_PASSWORD })
      .expect(204);
    const db = t.app.get(DataSource);
    const left = await db.query('SELECT COUNT(*) AS n FROM account_tokens WHERE user_id = ?', [mia.id]);
    expect(Number(left[0].n)).toBe(0);
  });
});

describe('Mailer: permanent and transient rejections', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeEach(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Circle <circle@example.org>' },
      captureLogs: true,
    });
  });

  afterEach(async () => {
    await t.close();
    await smtp.close();
  });

  const mail = { to: 'robin@example.org', subject: 'Hello', text: 'Hello', html: '<p>Hello</p>' };

  it('sends through the real server with AUTH, from MAIL_FROM, with both bodies and extra headers', async () => {
    const mailer = t.app.get(Mailer);
    expect(mailer.enabled).toBe(true);
    await mailer.send({ ...mail, headers: { 'X-Hearth-Kind': 'test' } });
    const received = await smtp.nextMail();
    expect(received).toMatchObject({
      from: 'circle@example.org',
      to: ['robin@example.org'],
      subject: 'Hello',
    });
    expect(received.text.trim()).toBe('Hello');
    expect(received.html).toContain('<p>Hello</p>');
    expect(received.headers.get('x-hearth-kind')).toBe('test');
  });

  it('calls a 5xx answer permanent and a 4xx answer transient, and goes on sending afterwards', async () => {
    const mailer = t.app.get(Mailer);
    smtp.rejectNext(550);
    const permanent = await mailer.send(mail).catch((error: unknown) => error);
    expect(permanent).toBeInstanceOf(MailRejectedError);
    expect((permanent as MailRejectedError).permanent).toBe(true);
    expect((permanent as Error).message).not.toContain('robin@example.org');
    smtp.rejectNext(451);
    const transient = await mailer.send(mail).catch((error: unknown) => error);
    expect(transient).toBeInstanceOf(MailRejectedError);
    expect((transient as MailRejectedError).permanent).toBe(false);
    await mailer.send(mail);
    await smtp.nextMail();
    const logs = t.logs.join('');
    expect(logs).toContain('Mail not sent');
    expect(logs).not.toContain('robin@example.org');
    expect(logs).not.toContain(smtp.url.split('@')[0].split(':').pop());
  });

  it('calls an unreachable server transient', async () => {
    await smtp.close();
    const error = await t.app
      .get(Mailer)
      .send(mail)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailRejectedError);
    expect((error as MailRejectedError).permanent).toBe(false);
  });
});

describe('Mailer without SMTP_URL', () => {
  it('is disabled and refuses to send', async () => {
    const t = await createTestApp();
    try {
      const mailer = t.app.get(Mailer);
      expect(mailer.enabled).toBe(false);
      await expect(mailer.send({ to: 'a@example.org', subject: 's', text: 't', html: 'h' })).rejects.toThrow(
        MailRejectedError,
      );
    } finally {
      await t.close();
    }
  });
});

describe('Mailer with wrong credentials', () => {
  it('answers a refused login as permanent', async () => {
    const smtp = await startSmtpServer();
    const t = await createTestApp({ env: { SMTP_URL: smtp.url.replace(/:[^:@]+@/, ':wrong@') } });
    try {
      const error = await t.app
        .get(Mailer)
        .send({ to: 'a@example.org', subject: 's', text: 't', html: 'h' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailRejectedError);
      expect((error as MailRejectedError).permanent).toBe(true);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});
