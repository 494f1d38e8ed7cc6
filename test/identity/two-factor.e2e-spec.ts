import { strFromU8 } from 'fflate';
import { DataSource } from 'typeorm';

import { createTestApp, type TestApp } from '../support/app.js';
import { codeAt, enrolAuthenticator } from '../support/two-factor.js';
import {
  createAccount,
  exportOf,
  GOOD_PASSWORD,
  registerUser,
  signIn,
  type TestUser,
} from '../support/users.js';

describe('Two-step verification (STAFF_2FA=required)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeEach(async () => {
    t = await createTestApp({ env: { STAFF_2FA: 'required' } });
    admin = await registerUser(t, { displayName: 'Admin' });
  });

  afterEach(async () => {
    await t.close();
  });

  const get = (path: string, auth: string) => t.request().get(path).set('Authorization', auth);
  const post = (path: string, auth: string, body: object = {}) =>
    t.request().post(path).set('Authorization', auth).send(body);

  const enrol = (user: TestUser) => enrolAuthenticator(t, user);

  async function secondStep(user: TestUser, proof: object, expected = 200) {
    const first = await signIn(t, user.email, user.password).expect(200);
    expect(first.body.tokens).toBeUndefined();
    return t
      .request()
      .post('/api/auth/second-factor')
      .send({ ticket: first.body.secondFactor.ticket, ...proof })
      .expect(expected);
  }

  it('gives staff without a second factor only member powers, until they set one up in the same session', async () => {
    const status = await get('/api/me/two-factor', admin.auth).expect(200);
    expect(status.body).toMatchObject({ enabled: false, required: true, setupRequired: true, factors: [] });
    const refused = await get('/api/admin/users', admin.auth).expect(403);
    expect(refused.body.message).toBe('Set up two-step verification to use your staff tools');
    // A member route still works: the person is not locked out of their groups.
    await get('/api/me', admin.auth).expect(200);

    const secondDevice = await signIn(t, admin.email, admin.password).expect(200);
    const setup = await post('/api/me/two-factor/totp', admin.auth, { label: 'Phone' }).expect(201);
    expect(setup.body.otpauthUri).toBe(
      `otpauth://totp/Hearth:${encodeURIComponent(admin.email)}?secret=${setup.body.secret}&issuer=Hearth`,
    );
    expect(setup.body.qrCodeSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
    const { recoveryCodes } = await enrol(admin);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    await get('/api/admin/users', admin.auth).expect(200);
    // The device that signed in with the password alone is signed out.
    await get('/api/me', `Bearer ${secondDevice.body.tokens.accessToken}`).expect(401);
    expect((await get('/api/me/two-factor', admin.auth).expect(200)).body).toMatchObject({
      enabled: true,
      setupRequired: false,
      recoveryCodesLeft: 10,
      factors: [{ kind: 'totp', label: 'Phone', lastUsedAt: null }],
    });
  });

  it('a facilitator account created by an admin also needs its second factor for facilitator routes', async () => {
    await enrol(admin);
    // The admin's own token still works; a new sign-in now needs the code.
    const facilitator = await createAccount(t, admin, 'facilitator');
    const fields = { name: 'Tuesday circle', kind: 'circle', timezone: 'Europe/Berlin' };
    const refused = await post('/api/groups', facilitator.auth, fields).expect(403);
    expect(refused.body.message).toBe('Set up two-step verification to use your staff tools');
    await enrol(facilitator);
    await post('/api/groups', facilitator.auth, fields).expect(201);
  });

  it('asks for the code after the password, accepts each code once, and refuses a wrong one with a field error', async () => {
    const { secret } = await enrol(admin);
    const first = await signIn(t, admin.email, admin.password).expect(200);
    expect(first.body).toEqual({
      secondFactor: {
        ticket: expect.any(String),
        methods: ['totp', 'recovery'],
        expiresAt: expect.any(String),
      },
    });

    const wrong = await t
      .request()
      .post('/api/auth/second-factor')
      .send({
        ticket: first.body.secondFactor.ticket,
        code: '000000' === (await codeAt(t, secret)) ? '111111' : '000000',
      })
      .expect(400);
    expect(wrong.body.details).toMatchObject([{ field: 'code', message: 'That code did not match' }]);

    t.clock.advance(30_000);
    const code = await codeAt(t, secret);
    const done = await t
      .request()
      .post('/api/auth/second-factor')
      .send({ ticket: first.body.secondFactor.ticket, code })
      .expect(200);
    expect(done.body.user.email).toBe(admin.email);
    await get('/api/admin/users', `Bearer ${done.body.tokens.accessToken}`).expect(200);

    // The same code, seen over a shoulder, does not open a second session.
    await secondStep(admin, { code }, 400);
    t.clock.advance(30_000);
    await secondStep(admin, { code: await codeAt(t, secret) }, 200);
  });

  it('accepts each recovery code once, in any case and with or without the dash', async () => {
    const { recoveryCodes } = await enrol(admin);
    const [code] = recoveryCodes;
    await secondStep(admin, { recoveryCode: code.toUpperCase().replace('-', '') }, 200);
    const again = await secondStep(admin, { recoveryCode: code }, 400);
    expect(again.body.details).toMatchObject([
      { field: 'recoveryCode', message: 'That recovery code is not valid or was already used' },
    ]);
    expect((await get('/api/me/two-factor', admin.auth).expect(200)).body.recoveryCodesLeft).toBe(9);

    // New codes need the password, and the old ones stop working.
    await post('/api/me/two-factor/recovery-codes', admin.auth, { password: 'wrong password' }).expect(400);
    const renewed = await post('/api/me/two-factor/recovery-codes', admin.auth, {
      password: GOOD_PASSWORD,
    }).expect(201);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    await secondStep(admin, { recoveryCode: recoveryCodes[1] }, 400);
    await secondStep(admin, { recoveryCode: renewed.body.recoveryCodes[0] }, 200);
  });

  it('backs off wrong codes per account: five, then 429 even for the right code', async () => {
    const { secret } = await enrol(admin);
    const first = await signIn(t, admin.email, admin.password).expect(200);
    const ticket = first.body.secondFactor.ticket;
    const right = await codeAt(t, secret);
    const wrongCode = right === '123456' ? '654321' : '123456';
    for (let attempt = 0; attempt < 5; attempt++) {
      await t.request().post('/api/auth/second-factor').send({ ticket, code: wrongCode }).expect(400);
    }
    const locked = await t
      .request()
      .post('/api/auth/second-factor')
      .send({ ticket, code: right })
      .expect(429);
    expect(locked.headers['retry-after']).toBe('30');
  });

  it('refuses forged, expired and misused tickets with 401, and malformed proofs with 400', async () => {
    const { secret } = await enrol(admin);
    const first = await signIn(t, admin.email, admin.password).expect(200);
    const ticket: string = first.body.secondFactor.ticket;
    const [body, signature] = ticket.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), userId: 'someone-else' }),
    ).toString('base64url');
    for (const bad of [
      `${forgedBody}.${signature}`,
      `${body}.${signature.slice(0, -2)}xx`,
      `${ticket}.extra`,
    ]) {
      const refused = await t.request().post('/api/auth/second-factor').send({ ticket: bad, code: '123456' });
      expect(refused.status).toBe(401);
      expect(refused.body.message).toBe('This sign-in has expired. Sign in again.');
    }
    // An access token is not a ticket.
    await t
      .request()
      .post('/api/auth/second-factor')
      .send({ ticket: admin.tokens.accessToken, code: '123456' })
      .expect(401);

    for (const proof of [
      {},
      { code: '12345' },
      { code: 'abcdef' },
      { code: '123456', recoveryCode: 'abcde-fghij' },
      { passkey: 'x' },
      { passkey: { id: 'nope' } },
    ]) {
      const response = await t
        .request()
        .post('/api/auth/second-factor')
        .send({ ticket, ...proof });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('Bad Request');
    }

    t.clock.advance(5 * 60_000 + 1);
    const late = await t
      .request()
      .post('/api/auth/second-factor')
      .send({ ticket, code: await codeAt(t, secret) })
      .expect(401);
    expect(late.body.message).toBe('This sign-in has expired. Sign in again.');
  });

  it('keeps the authenticator secret sealed in the database, and out of my export', async () => {
    const { secret, recoveryCodes } = await enrol(admin);
    const files = await exportOf(t, admin);
    const exported = strFromU8(files['hearth-export.json']);
    expect(JSON.parse(exported).secondFactors).toEqual({
      factors: [expect.objectContaining({ kind: 'totp', label: 'Phone' })],
      recoveryCodesLeft: 10,
    });
    expect(exported).not.toContain(secret);
    expect(exported).not.toContain(recoveryCodes[0]);
    const dataSource = t.app.get(DataSource);
    const rows: { sealed_secret: string }[] = await dataSource.query(
      'SELECT sealed_secret FROM second_factors',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].sealed_secret).toMatch(/^v1\./);
    expect(rows[0].sealed_secret).not.toContain(secret);
  });

  it('does not let staff remove their last factor, lets members remove theirs with the password', async () => {
    const { factorId } = await enrol(admin);
    const refused = await post(`/api/me/two-factor/factors/${factorId}/remove`, admin.auth, {
      password: GOOD_PASSWORD,
    }).expect(409);
    expect(refused.body.message).toMatch(/Staff accounts must keep a second factor/);

    const member = await registerUser(t, { displayName: 'Member' });
    expect((await get('/api/me/two-factor', member.auth).expect(200)).body).toMatchObject({
      required: false,
      setupRequired: false,
    });
    const memberFactor = await enrol(member);
    await secondStep(member, { recoveryCode: memberFactor.recoveryCodes[0] }, 200);
    const wrong = await post(`/api/me/two-factor/factors/${memberFactor.factorId}/remove`, member.auth, {
      password: 'not the password',
    }).expect(400);
    expect(wrong.body.details).toMatchObject([{ field: 'password', message: 'password is incorrect' }]);
    await post(`/api/me/two-factor/factors/${factorId}/remove`, member.auth, {
      password: GOOD_PASSWORD,
    }).expect(404);
    const off = await post(`/api/me/two-factor/factors/${memberFactor.factorId}/remove`, member.auth, {
      password: GOOD_PASSWORD,
    }).expect(200);
    expect(off.body).toMatchObject({ enabled: false, factors: [], recoveryCodesLeft: 0 });
    const plain = await signIn(t, member.email, member.password).expect(200);
    expect(plain.body.tokens.accessToken).toEqual(expect.any(String));
  });

  it('lets an admin reset a person who lost every factor: factors, codes and sessions go, the password stays', async () => {
    await enrol(admin);
    const facilitator = await createAccount(t, admin, 'facilitator');
    await enrol(facilitator);
    expect((await get('/api/me', facilitator.auth).expect(200)).body.secondFactor).toBe(true);

    await post(`/api/admin/users/${facilitator.id}/second-factor/reset`, facilitator.auth).expect(403);
    const reset = await post(`/api/admin/users/${facilitator.id}/second-factor/reset`, admin.auth).expect(
      200,
    );
    expect(reset.body).toMatchObject({ id: facilitator.id, secondFactor: false });
    await get('/api/me', facilitator.auth).expect(401);
    const again = await signIn(t, facilitator.email, facilitator.password).expect(200);
    const auth = `Bearer ${again.body.tokens.accessToken}`;
    expect((await get('/api/me/two-factor', auth).expect(200)).body).toMatchObject({
      setupRequired: true,
      factors: [],
      recoveryCodesLeft: 0,
    });
    await post(
      '/api/admin/users/00000000-0000-4000-8000-000000000000/second-factor/reset',
      admin.auth,
    ).expect(404);
  });

  it('refuses a second authenticator while one is set up, and a confirmation with a wrong code', async () => {
    const setup = await post('/api/me/two-factor/totp', admin.auth).expect(201);
    const wrong = await post('/api/me/two-factor/totp/confirm', admin.auth, {
      factorId: setup.body.factorId,
      code: (await codeAt(t, setup.body.secret)) === '000000' ? '111111' : '000000',
    }).expect(400);
    expect(wrong.body.details[0].field).toBe('code');
    await get('/api/admin/users', admin.auth).expect(403);
    await enrol(admin);
    await post('/api/me/two-factor/totp', admin.auth).expect(409);
    await post('/api/me/two-factor/totp/confirm', admin.auth, {
      factorId: 'not-a-uuid',
      code: '123456',
    }).expect(400);
  });
});

describe('Two-step verification (STAFF_2FA=optional)', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp({ env: { STAFF_2FA: 'optional' } });
  });

  afterEach(async () => {
    await t.close();
  });

  it('lets staff work without a second factor, and still asks for one once it is set up', async () => {
    const admin = await registerUser(t, { displayName: 'Admin' });
    await t.request().get('/api/admin/users').set('Authorization', admin.auth).expect(200);
    const status = await t.request().get('/api/me/two-factor').set('Authorization', admin.auth).expect(200);
    expect(status.body).toMatchObject({ required: false, setupRequired: false, enabled: false });
    const setup = await t
      .request()
      .post('/api/me/two-factor/totp')
      .set('Authorization', admin.auth)
      .expect(201);
    await t
      .request()
      .post('/api/me/two-factor/totp/confirm')
      .set('Authorization', admin.auth)
      .send({ factorId: setup.body.factorId, code: await codeAt(t, setup.body.secret) })
      .expect(200);
    const first = await signIn(t, admin.email, admin.password).expect(200);
    expect(first.body.secondFactor.methods).toEqual(['totp', 'recovery']);
  });
});
