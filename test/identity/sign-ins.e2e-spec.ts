import { SignInsService } from '@hearth/identity';

import { createTestApp, type TestApp } from '../support/app.js';
import { collect, connect, disconnected } from '../support/sockets.js';
import { refresh, registerUser, type TestUser } from '../support/users.js';

const PHONE = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';
const LAPTOP =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const DAY_MS = 86_400_000;

interface Device {
  id: string;
  auth: string;
  refreshToken: string;
}

describe('My sign-ins - GET /api/me/sign-ins, POST /api/me/sign-ins/:id/not-me', () => {
  let t: TestApp;
  let mia: TestUser;

  beforeEach(async () => {
    t = await createTestApp({ env: { SIGN_IN_RETENTION_DAYS: '30' } });
    await registerUser(t, { displayName: 'Admin' });
    mia = await registerUser(t, { displayName: 'Mia' });
  });

  afterEach(async () => {
    await t.close();
  });

  /** Signs Mia in from a device (a user agent), answering its session id and tokens. */
  async function signInFrom(userAgent: string, user: TestUser = mia): Promise<Device> {
    t.clock.advance(1000);
    const login = await t
      .request()
      .post('/api/auth/login')
      .set('User-Agent', userAgent)
      .send({ email: user.email, password: user.password })
      .expect(200);
    const auth = `Bearer ${login.body.tokens.accessToken}`;
    const list = await signIns(auth);
    return { id: list.find((s) => s.current)!.id, auth, refreshToken: login.body.tokens.refreshToken };
  }

  async function signIns(auth: string): Promise<{ id: string; current: boolean; [key: string]: unknown }[]> {
    return (await t.request().get('/api/me/sign-ins').set('Authorization', auth).expect(200)).body;
  }

  it('lists my sign-ins newest first with the device the user agent names, and keeps ended ones', async () => {
    const phone = await signInFrom(PHONE);
    const laptop = await signInFrom(LAPTOP);
    await t.request().post('/api/auth/logout').set('Authorization', phone.auth).expect(204);
    const list = await signIns(laptop.auth);
    expect(list.map((s) => s.id)).toEqual([laptop.id, phone.id, expect.any(String)]);
    expect(list[0]).toMatchObject({
      current: true,
      active: true,
      endedAt: null,
      disownedAt: null,
      device: { browser: 'Chrome 131', os: 'Linux', kind: 'desktop' },
    });
    expect(list[1]).toMatchObject({
      current: false,
      active: false,
      endedReason: 'logout',
      endedAt: expect.any(String),
      device: { browser: 'Firefox 133', os: 'Android 14', kind: 'mobile' },
    });
    expect(Object.keys(list[0]).sort()).toEqual(
      [
        'active',
        'current',
        'device',
        'disownedAt',
        'endedAt',
        'endedReason',
        'id',
        'lastUsedAt',
        'startedAt',
      ].sort(),
    );
  });

  it("ends a sign-in that wasn't me at once (its access and refresh tokens, its sockets), and no other", async () => {
    const intruder = await signInFrom(PHONE);
    const other = await signInFrom(PHONE);
    const laptop = await signInFrom(LAPTOP);
    const socket = await connect(t, mia, { token: intruder.auth.slice('Bearer '.length) });
    const closed = disconnected(socket);
    const notices = collect(socket, 'notice');

    const answer = await t
      .request()
      .post(`/api/me/sign-ins/${intruder.id}/not-me`)
      .set('Authorization', laptop.auth)
      .expect(200);
    expect(answer.body).toMatchObject({
      endedSessionIds: [intruder.id],
      signIn: { id: intruder.id, active: false, endedReason: 'not_me', disownedAt: expect.any(String) },
    });

    await t.request().get('/api/me').set('Authorization', intruder.auth).expect(401);
    // A screen whose socket missed the notice learns it from its refresh: forget, don't offer to sign in again.
    const refused = await refresh(t, intruder.refreshToken).expect(401);
    expect(refused.body).toMatchObject({ code: 'SESSION_DISOWNED' });
    await closed;
    // The disowned screen is told to forget itself, not to offer "sign in again" over what it shows.
    expect(notices).toEqual([
      { kind: 'session.disowned', message: 'This sign-in was ended from another device.' },
    ]);
    await t.request().get('/api/me').set('Authorization', laptop.auth).expect(200);
    await t.request().get('/api/me').set('Authorization', other.auth).expect(200);
    await refresh(t, other.refreshToken).expect(200);

    const again = await t
      .request()
      .post(`/api/me/sign-ins/${intruder.id}/not-me`)
      .set('Authorization', laptop.auth)
      .expect(200);
    expect(again.body.endedSessionIds).toEqual([]);
    expect(again.body.signIn.disownedAt).toBe(answer.body.signIn.disownedAt);
  });

  it('marks an ended sign-in as not me without ending anything else', async () => {
    const old = await signInFrom(PHONE);
    const laptop = await signInFrom(LAPTOP);
    await t.request().post('/api/auth/logout').set('Authorization', old.auth).expect(204);
    const answer = await t
      .request()
      .post(`/api/me/sign-ins/${old.id}/not-me`)
      .set('Authorization', laptop.auth)
      .expect(200);
    expect(answer.body).toMatchObject({
      endedSessionIds: [],
      signIn: { endedReason: 'logout', disownedAt: expect.any(String) },
    });
  });

  it('refuses the sign-in in use (409), another person’s (404), an unknown one (404) and a bad id (400)', async () => {
    const laptop = await signInFrom(LAPTOP);
    const noor = await registerUser(t, { displayName: 'Noor' });
    const noorDevice = await signInFrom(PHONE, noor);
    const notMe = (id: string) =>
      t.request().post(`/api/me/sign-ins/${id}/not-me`).set('Authorization', laptop.auth);
    await notMe(laptop.id).expect(409);
    await notMe(noorDevice.id).expect(404);
    await notMe('8d3a3f8e-1111-4a4a-9b9b-123456789abc').expect(404);
    await notMe('not-a-uuid').expect(400);
    await t.request().get('/api/me').set('Authorization', noorDevice.auth).expect(200);
    expect((await signIns(noorDevice.auth)).map((s) => s.id)).not.toContain(laptop.id);
  });

  it('forgets sign-ins that ended more than SIGN_IN_RETENTION_DAYS ago, and keeps live ones', async () => {
    const old = await signInFrom(PHONE);
    await t.request().post('/api/auth/logout').set('Authorization', old.auth).expect(204);
    const service = t.app.get(SignInsService);
    t.clock.advance(29 * DAY_MS);
    expect(await service.prune()).toBe(0);
    t.clock.advance(2 * DAY_MS);
    const laptop = await signInFrom(LAPTOP);
    // Only the logged-out one: the sign-ins made at registration expired 30 days in, less than 30 days ago.
    expect(await service.prune()).toBe(1);
    const list = await signIns(laptop.auth);
    expect(list.map((s) => s.id)).not.toContain(old.id);
    expect(list.map((s) => s.id)).toContain(laptop.id);
  });
});
