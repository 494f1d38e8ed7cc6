import fc from 'fast-check';

import { createTestApp, type TestApp } from '../support/app.js';
import { bodiesFor } from '../support/fuzz.js';
import { adminAndMember, type TestUser } from '../support/users.js';

const bodyFor = (keys: string[]) => bodiesFor(keys, ['admin', 'a@b.c']);

describe('No bad input yields a 500', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, member } = await adminAndMember(t));
  });

  afterAll(async () => {
    await t.close();
  });

  const routes: {
    name: string;
    method: 'post' | 'patch';
    path: () => string;
    auth?: () => string;
    keys: string[];
  }[] = [
    {
      name: 'register',
      method: 'post',
      path: () => '/api/auth/register',
      keys: ['email', 'displayName', 'password'],
    },
    { name: 'login', method: 'post', path: () => '/api/auth/login', keys: ['email', 'password'] },
    { name: 'refresh', method: 'post', path: () => '/api/auth/refresh', keys: ['refreshToken'] },
    {
      name: 'update me',
      method: 'patch',
      path: () => '/api/me',
      auth: () => member.auth,
      keys: ['displayName', 'currentPassword', 'newPassword'],
    },
    {
      name: 'create user',
      method: 'post',
      path: () => '/api/admin/users',
      auth: () => admin.auth,
      keys: ['email', 'displayName', 'role', 'password'],
    },
    {
      name: 'update user',
      method: 'patch',
      path: () => `/api/admin/users/${member.id}`,
      auth: () => admin.auth,
      keys: ['role', 'disabled'],
    },
  ];

  it.each(routes)(
    '$name answers arbitrary bodies with a 4xx in the error shape, or a success',
    async (route) => {
      await fc.assert(
        fc.asyncProperty(bodyFor(route.keys), async (body) => {
          let request = t.request()[route.method](route.path()).set('Content-Type', 'application/json');
          if (route.auth) request = request.set('Authorization', route.auth());
          const response = await request.send(JSON.stringify(body));
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.body).toEqual(
              expect.objectContaining({
                statusCode: response.status,
                error: expect.any(String),
                message: expect.any(String),
              }),
            );
          }
        }),
        { numRuns: 60 },
      );
      // The member's session survived whatever the fuzzer did to its own account (it never knows the password).
      await t.request().get('/api/health').expect(200);
    },
  );

  it('answers arbitrary query strings on the admin list with 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('limit', 'offset', 'role', 'q', 'x'), fc.string({ maxLength: 40 })),
        async (query) => {
          const response = await t
            .request()
            .get('/api/admin/users')
            .query(query)
            .set('Authorization', admin.auth);
          expect([200, 400]).toContain(response.status);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('answers arbitrary path ids with 400 or 404', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60 }), async (id) => {
        const response = await t
          .request()
          .patch(`/api/admin/users/${encodeURIComponent(id)}`)
          .set('Authorization', admin.auth)
          .send({ role: 'member' });
        expect([200, 400, 404, 409]).toContain(response.status);
      }),
      { numRuns: 80 },
    );
  });
});
