import { createTestApp, type TestApp } from '../support/app.js';
import { adminAndMember, type TestUser } from '../support/users.js';

const WRONG = 'not my password at all';

/**
 * The sign-in lock is keyed by the address, so anyone who knows it can lock its owner out (issue 14, defect 11).
 * A browser that signed in to the account before keeps its own count instead.
 */
describe('Sign-in lock - a browser the owner signed in from before', () => {
  let t: TestApp;
  let member: TestUser;
  let admin: TestUser;

  beforeEach(async () => {
    t = await createTestApp();
    ({ admin, member } = await adminAndMember(t));
  });

  afterEach(async () => {
    await t.close();
  });

  /** A browser: one cookie jar across requests. */
  const browser = () => t.request();
  type Browser = ReturnType<typeof browser>;
  const signInFrom = (from: Browser, email: string, password: string) =>
    from.post('/api/auth/login').send({ email, password });

  async function lockOut(email: string): Promise<void> {
    const stranger = browser();
    for (let attempt = 0; attempt < 5; attempt++) await signInFrom(stranger, email, WRONG).expect(401);
    await signInFrom(stranger, email, WRONG).expect(429);
  }

  it('lets the owner in from a browser that signed in before while a stranger has locked the address', async () => {
    const phone = browser();
    const first = await signInFrom(phone, member.email, member.password).expect(200);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(
      /^hearth_device=[^;]+; Path=\/api\/auth; Max-Age=15552000; HttpOnly; SameSite=Strict$/,
    );

    await lockOut(member.email);
    // A new browser (or the stranger) is still refused, even with the right password.
    await signInFrom(browser(), member.email, member.password).expect(429);
    // The owner's browser is not.
    const again = await signInFrom(phone, member.email, member.password).expect(200);
    expect(again.body.user.id).toBe(member.id);
  });

  it("counts the owner's browser on its own: five wrong passwords there lock that browser, not the address", async () => {
    const phone = browser();
    await signInFrom(phone, member.email, member.password).expect(200);
    for (let attempt = 0; attempt < 5; attempt++) await signInFrom(phone, member.email, WRONG).expect(401);
    await signInFrom(phone, member.email, member.password).expect(429);
    await signInFrom(browser(), member.email, member.password).expect(200);
  });

  it('ignores a forged cookie, and a cookie for another account', async () => {
    const phone = browser();
    const first = await signInFrom(phone, admin.email, admin.password).expect(200);
    const genuine = String(first.headers['set-cookie']).split(';')[0];
    await lockOut(member.email);
    // The admin's browser is not the member's.
    await signInFrom(phone, member.email, member.password).expect(429);
    const [name, value] = genuine.split('=');
    const [, deviceId, mac] = value.split('.');
    const forged = `${name}=${member.id}.${deviceId}.${mac}`;
    await browser()
      .post('/api/auth/login')
      .set('Cookie', forged)
      .send({ email: member.email, password: member.password })
      .expect(429);
    await browser()
      .post('/api/auth/login')
      .set('Cookie', `hearth_device=${'x'.repeat(5000)}`)
      .send({ email: member.email, password: member.password })
      .expect(429);
  });

  it('remembers up to five accounts in one browser (a shared family computer)', async () => {
    const shared = browser();
    await signInFrom(shared, member.email, member.password).expect(200);
    await signInFrom(shared, admin.email, admin.password).expect(200);
    await lockOut(member.email);
    await signInFrom(shared, member.email, member.password).expect(200);
  });
});
