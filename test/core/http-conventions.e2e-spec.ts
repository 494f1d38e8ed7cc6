import { createTestApp, type TestApp } from '../support/app.js';
import { GOOD_PASSWORD, registerUser, signIn, uniqueEmail } from '../support/users.js';

describe('HTTP conventions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { BODY_LIMIT: '16kb', CORS_ORIGINS: 'https://app.example.org' } });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('Health - GET /api/health', () => {
    it('reports the service and its database up', async () => {
      const response = await t.request().get('/api/health').expect(200);
      expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    });
  });

  describe('Errors', () => {
    it('answers an anonymous call to a protected route with 401 in the error shape', async () => {
      const response = await t.request().get('/api/me').expect(401);
      expect(response.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Authentication required',
      });
    });

    it('answers an unknown route with 404 in the error shape', async () => {
      const response = await t.request().get('/api/nowhere').expect(404);
      expect(response.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Cannot GET /api/nowhere',
      });
    });

    it('lists every missing field', async () => {
      const response = await t.request().post('/api/auth/register').send({}).expect(400);
      expect(response.body.statusCode).toBe(400);
      expect(response.body.error).toBe('Bad Request');
      expect(response.body.message).toBe('Validation failed');
      const fields = new Set(response.body.details.map((d: { field: string }) => d.field));
      expect(fields).toEqual(new Set(['email', 'displayName', 'password']));
    });

    it('names a field of the wrong type', async () => {
      const response = await t
        .request()
        .post('/api/auth/register')
        .send({ email: uniqueEmail(), displayName: 42, password: GOOD_PASSWORD })
        .expect(400);
      expect(response.body.details).toContainEqual({
        code: 'isString',
        field: 'displayName',
        message: 'displayName must be a string',
      });
    });

    it('refuses unknown properties, including prototype keys', async () => {
      const unknown = await t
        .request()
        .post('/api/auth/register')
        .send({ email: uniqueEmail(), displayName: 'Robin', password: GOOD_PASSWORD, role: 'admin' })
        .expect(400);
      expect(unknown.body.details).toContainEqual({
        code: 'whitelistValidation',
        field: 'role',
        message: 'property role should not exist',
      });

      // __proto__ and constructor keys are dropped on the way in (never copied onto the DTO): they pollute nothing.
      await t
        .request()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email":"a@example.org","password":"x","__proto__":{"polluted":true}}')
        .expect(401);
      await t
        .request()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email":"a@example.org","password":"x","constructor":{"prototype":{"polluted":true}}}')
        .expect(401);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it.each([
      ['malformed JSON', '{"email":', 'Request body is not valid JSON'],
      ['a JSON array', '[1,2,3]', 'Validation failed'],
      ['a JSON string', '"hello"', 'Request body is not valid JSON'],
      ['null', 'null', 'Request body is not valid JSON'],
    ])('refuses %s with 400', async (_label, body, message) => {
      const response = await t
        .request()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message });
    });

    it('refuses a body over BODY_LIMIT with 413', async () => {
      const response = await t
        .request()
        .post('/api/auth/register')
        .send({ email: uniqueEmail(), displayName: 'x'.repeat(20_000), password: GOOD_PASSWORD })
        .expect(413);
      expect(response.body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'Request body is too large',
      });
    });

    it('survives deep nesting and huge strings without a 500', async () => {
      let nested: unknown = 'leaf';
      for (let i = 0; i < 2000; i++) nested = { a: nested };
      const deep = await t
        .request()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: nested, password: nested }));
      expect([400, 413]).toContain(deep.status);

      const huge = await t
        .request()
        .post('/api/auth/login')
        .send({ email: `${'a'.repeat(15_000)}@example.org`, password: 'x' });
      expect(huge.status).toBe(400);
    });
  });

  describe('Headers', () => {
    it('sets security headers and hides the framework', async () => {
      const response = await t.request().get('/api/health').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('allows CORS only from the configured origins', async () => {
      const allowed = await t.request().get('/api/health').set('Origin', 'https://app.example.org');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.org');
      const refused = await t.request().get('/api/health').set('Origin', 'https://evil.example.com');
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('gives every response a request id, keeping a well-formed one from the caller', async () => {
      const generated = await t.request().get('/api/health');
      expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const kept = await t.request().get('/api/health').set('X-Request-Id', 'trace-123');
      expect(kept.headers['x-request-id']).toBe('trace-123');
      const replaced = await t.request().get('/api/health').set('X-Request-Id', 'bad id\twith tab');
      expect(replaced.headers['x-request-id']).not.toContain('bad');
    });
  });

  describe('API docs', () => {
    it('serves the Swagger UI at /api/docs', async () => {
      const response = await t.request().get('/api/docs').redirects(1).expect(200);
      expect(response.text).toContain('swagger');
    });

    it('documents every route, with the error shape, at /api/docs-json', async () => {
      const response = await t.request().get('/api/docs-json').expect(200);
      const paths = Object.keys(response.body.paths);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/api/health',
          '/api/auth/register',
          '/api/auth/login',
          '/api/auth/refresh',
          '/api/auth/logout',
          '/api/me',
          '/api/admin/users',
          '/api/admin/users/{id}',
        ]),
      );
      expect(response.body.components.schemas.ErrorBody.properties).toHaveProperty('details');
      expect(response.body.components.schemas.RegisterDto.required).toEqual(
        expect.arrayContaining(['email', 'displayName', 'password']),
      );
      expect(response.body.paths['/api/me'].get.security).toEqual([{ bearer: [] }]);
    });

    it('describes the body of every successful JSON response', async () => {
      const { body } = await t.request().get('/api/docs-json').expect(200);
      const undescribed: string[] = [];
      for (const [path, operations] of Object.entries(
        body.paths as Record<string, Record<string, Operation>>,
      )) {
        for (const [method, operation] of Object.entries(operations)) {
          for (const [status, answer] of Object.entries(operation.responses ?? {})) {
            if (!/^2\d\d$/.test(status) || status === '204') continue;
            const content = answer.content ?? {};
            const json = content['application/json'];
            // Files (the calendar, the data export) are described by their media type instead.
            if (!json && Object.keys(content).length > 0) continue;
            if (!json?.schema) undescribed.push(`${method.toUpperCase()} ${path} ${status}`);
          }
        }
      }
      expect(undescribed).toEqual([]);
    });
  });
});

describe('Rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { THROTTLE_LIMIT: '8', AUTH_THROTTLE_LIMIT: '3', THROTTLE_TTL: '60' } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('limits credential routes per IP more strictly, with Retry-After', async () => {
    for (let i = 0; i < 3; i++) {
      await signIn(t, uniqueEmail(), 'whatever it is').expect(401);
    }
    const limited = await signIn(t, uniqueEmail(), 'whatever it is').expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits every route per IP, but never the health check', async () => {
    let status = 0;
    for (let i = 0; i < 8 && status !== 429; i++) {
      status = (await t.request().get('/api/me')).status;
    }
    expect(status).toBe(429);
    await t.request().get('/api/health').expect(200);
  });

  it('does not count one IP against another', async () => {
    const other = await createTestApp({
      env: { THROTTLE_LIMIT: '8', AUTH_THROTTLE_LIMIT: '3', TRUST_PROXY: 'true' },
    });
    try {
      for (let i = 0; i < 3; i++) {
        await other
          .request()
          .post('/api/auth/login')
          .set('X-Forwarded-For', '203.0.113.1')
          .send({ email: uniqueEmail(), password: 'whatever it is' });
      }
      await other
        .request()
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.1')
        .send({ email: uniqueEmail(), password: 'whatever it is' })
        .expect(429);
      await other
        .request()
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.2')
        .send({ email: uniqueEmail(), password: 'whatever it is' })
        .expect(401);
    } finally {
      await other.close();
    }
  });
});

describe('Registered routes all declare their access', () => {
  it('keeps anonymous access to the few routes meant for it', async () => {
    const t = await createTestApp();
    try {
      const user = await registerUser(t);
      const docs = await t.request().get('/api/docs-json').expect(200);
      const open: string[] = [];
      for (const [path, operations] of Object.entries(
        docs.body.paths as Record<string, Record<string, { security?: unknown }>>,
      )) {
        for (const [method, operation] of Object.entries(operations)) {
          if (!operation.security) open.push(`${method.toUpperCase()} ${path}`);
        }
      }
      expect(open.sort()).toEqual([
        'GET /api/health',
        // Before anyone signs in, the web client asks whether to show the first-run setup.
        'GET /api/instance',
        // An invitation link is its own credential: the invitee reads where it leads before signing up.
        'GET /api/invites/{code}/preview',
        // Calendar apps cannot send a bearer token: the feed is authenticated by its own secret token.
        'GET /api/me/calendar.ics',
        'POST /api/auth/login',
        // Getting back in: the one-time token in the link is the credential.
        'POST /api/auth/password-reset',
        'POST /api/auth/password-reset/complete',
        'POST /api/auth/refresh',
        'POST /api/auth/register',
        // The second step of a sign-in: the signed ticket from the password step is the credential.
        'POST /api/auth/second-factor',
        'POST /api/auth/second-factor/passkey-options',
        'POST /api/auth/verify-email',
      ]);
      expect(user.role).toBe('admin');
    } finally {
      await t.close();
    }
  });
});

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
