import { randomUUID } from 'node:crypto';

import { unzipSync } from 'fflate';

import type { ApiTarget } from './app.js';

export const GOOD_PASSWORD = 'a long walk by the river';

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: string;
  tokens: Tokens;
  /** `Authorization` header value for this user's access token. */
  auth: string;
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.org`;
}

/** Registers through the public API; the first user of a fresh app is the admin. */
export async function registerUser(
  t: ApiTarget,
  fields: Partial<{ email: string; displayName: string; password: string }> = {},
): Promise<TestUser> {
  // Each account is created a moment after the previous one, so that orderings by time are meaningful.
  t.clock?.advance(1000);
  const email = fields.email ?? uniqueEmail();
  const password = fields.password ?? GOOD_PASSWORD;
  const response = await t
    .request()
    .post('/api/auth/register')
    .send({ email, displayName: fields.displayName ?? 'Robin', password });
  if (response.status !== 201) {
    throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  const { user, tokens } = response.body as { user: { id: string; role: string }; tokens: Tokens };
  return { id: user.id, email, password, role: user.role, tokens, auth: `Bearer ${tokens.accessToken}` };
}

/** An admin (the first account) and a plain member, on a fresh app. */
export async function adminAndMember(t: ApiTarget): Promise<{ admin: TestUser; member: TestUser }> {
  const admin = await registerUser(t, { displayName: 'Admin' });
  const member = await registerUser(t, { displayName: 'Member' });
  return { admin, member };
}

/** POST /api/auth/login, ready for `.expect(…)`. */
export function signIn(t: ApiTarget, email: string, password: string) {
  return t.request().post('/api/auth/login').send({ email, password });
}

/** POST /api/auth/refresh, ready for `.expect(…)`. */
export function refresh(t: ApiTarget, refreshToken: unknown) {
  return t.request().post('/api/auth/refresh').send({ refreshToken });
}

/** An account created by an admin (how facilitators usually arrive), signed in. */
export async function createAccount(
  t: ApiTarget,
  admin: TestUser,
  role: 'facilitator' | 'member',
  displayName: string = role,
): Promise<TestUser> {
  const email = uniqueEmail(role);
  const created = await t
    .request()
    .post('/api/admin/users')
    .set('Authorization', admin.auth)
    .send({ email, displayName, role, password: GOOD_PASSWORD });
  if (created.status !== 201)
    throw new Error(`create account failed: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await signIn(t, email, GOOD_PASSWORD);
  return {
    id: login.body.user.id,
    email,
    password: GOOD_PASSWORD,
    role,
    tokens: login.body.tokens,
    auth: `Bearer ${login.body.tokens.accessToken}`,
  };
}

/** Trades the user's refresh token for a new pair (after the test clock jumped past the access-token lifetime). */
export async function renew(t: ApiTarget, user: TestUser): Promise<void> {
  const response = await refresh(t, user.tokens.refreshToken);
  if (response.status !== 200)
    throw new Error(`refresh failed: ${response.status} ${JSON.stringify(response.body)}`);
  user.tokens = response.body as Tokens;
  user.auth = `Bearer ${user.tokens.accessToken}`;
}

/** POST /api/me/export as the user: the zip's files, by name. */
export async function exportOf(t: ApiTarget, user: TestUser): Promise<Record<string, Uint8Array>> {
  const response = await t
    .request()
    .post('/api/me/export')
    .set('Authorization', user.auth)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  if (response.status !== 200) throw new Error(`export failed: ${response.status}`);
  if (response.headers['content-type'] !== 'application/zip') throw new Error('export is not a zip');
  if (!String(response.headers['content-disposition']).includes('hearth-export.zip'))
    throw new Error('export is not named hearth-export.zip');
  return unzipSync(new Uint8Array(response.body as Buffer));
}

/** DELETE /api/me with her own password: she erases her account; fails the test unless it answers 204. */
export async function eraseAccount(t: ApiTarget, user: TestUser): Promise<void> {
  await t
    .request()
    .delete('/api/me')
    .set('Authorization', user.auth)
    .send({ password: user.password })
    .expect(204);
}

/** PATCH /api/admin/users/:id as the admin, disabling the account; fails the test unless it answers 200. */
export async function disableAccount(t: ApiTarget, admin: TestUser, userId: string): Promise<void> {
  const response = await t
    .request()
    .patch(`/api/admin/users/${userId}`)
    .set('Authorization', admin.auth)
    .send({ disabled: true });
  if (response.status !== 200) throw new Error(`disable failed: ${response.status}`);
}

/** POST /api/auth/password-reset/complete, ready for `.expect(…)`. */
export function completeReset(t: ApiTarget, token: unknown, password: unknown) {
  return t.request().post('/api/auth/password-reset/complete').send({ token, password });
}
