import { generate } from 'otplib';

import type { TestApp } from './app.js';
import type { TestUser } from './users.js';

/** The code an authenticator app shows at the app's current (injected) time. */
export async function codeAt(t: TestApp, secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
}

/** Sets up an authenticator app for the user through the API; returns its secret and the recovery codes. */
export async function enrolAuthenticator(
  t: TestApp,
  user: TestUser,
): Promise<{ secret: string; recoveryCodes: string[]; factorId: string }> {
  const setup = await t
    .request()
    .post('/api/me/two-factor/totp')
    .set('Authorization', user.auth)
    .send({ label: 'Phone' })
    .expect(201);
  const confirmed = await t
    .request()
    .post('/api/me/two-factor/totp/confirm')
    .set('Authorization', user.auth)
    .send({ factorId: setup.body.factorId, code: await codeAt(t, setup.body.secret) })
    .expect(200);
  return {
    secret: setup.body.secret,
    recoveryCodes: confirmed.body.recoveryCodes,
    factorId: setup.body.factorId,
  };
}
