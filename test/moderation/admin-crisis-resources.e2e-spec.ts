import { createTestApp, type TestApp } from '../support/app.js';
import { adminAndMember, type TestUser } from '../support/users.js';

const SAMARITANS = { name: 'Samaritans', description: 'Someone to talk to, any time.', phone: '116 123' };
const SAMARITANOS = {
  name: 'Samaritans (en español)',
  description: 'Alguien con quien hablar, a cualquier hora.',
  phone: '+44 116 123',
  url: 'https://www.samaritans.org',
};

describe("The instance's crisis lines per language - GET|PUT /api/admin/crisis-resources", () => {
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

  const put = (body: object, query = '', as = admin) =>
    t.request().put(`/api/admin/crisis-resources${query}`).set('Authorization', as.auth).send(body);
  const get = (path: string, as = admin) => t.request().get(path).set('Authorization', as.auth).expect(200);

  it('requires authentication, and an admin', async () => {
    await t.request().put('/api/admin/crisis-resources?language=es').send({}).expect(401);
    await put({ country: 'GB', resources: [SAMARITANS] }, '?language=es', member).expect(403);
    await t
      .request()
      .get('/api/admin/crisis-resources?language=es')
      .set('Authorization', member.auth)
      .expect(403);
  });

  it('refuses a bad phone number or link, naming the field in details', async () => {
    const bad = await put({
      country: 'GB',
      resources: [
        { ...SAMARITANS, phone: 'call us' },
        { ...SAMARITANS, phone: '+' },
        { ...SAMARITANS, url: 'http://example.org' },
        { ...SAMARITANS, url: 'javascript:alert(1)' },
        { ...SAMARITANS, phone: '1' },
      ],
    }).expect(400);
    const fields = (bad.body.details as { field: string; message: string }[]).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'resources.0.phone',
        'resources.1.phone',
        'resources.2.url',
        'resources.3.url',
        'resources.4.phone',
      ]),
    );
    expect(fields).not.toContain('resources.0.url');
    expect(bad.body.details.find((d: { field: string }) => d.field === 'resources.0.phone').message).toMatch(
      /phone number/,
    );
    // Nothing was saved.
    expect((await get('/api/admin/crisis-resources')).body.country).toBe('US');
  });

  it('accepts the ways numbers are written', async () => {
    for (const phone of ['15', '988', '+44 116 123', '1-800-944-4773', '(555) 123.4567']) {
      await put({ country: 'US', resources: [{ ...SAMARITANS, phone }] }, '?language=es').expect(200);
    }
  });

  it('keeps one set per language; Spanish falls back to the English set, then to the built-in lines', async () => {
    await t.close();
    t = await createTestApp();
    ({ admin, member } = await adminAndMember(t));
    const builtInEs = (await get('/api/me/moderation/crisis-resources?language=es', member)).body;
    expect(builtInEs.resources[0].name).toBe('Servicios de emergencia');

    await put({ country: 'GB', resources: [SAMARITANS] }).expect(200);
    // No Spanish set yet: a Spanish speaker sees the instance's own (British) lines, not the US defaults.
    expect((await get('/api/me/moderation/crisis-resources?language=es', member)).body).toEqual({
      country: 'GB',
      resources: [SAMARITANS],
    });

    const saved = await put({ country: 'GB', resources: [SAMARITANOS] }, '?language=es').expect(200);
    expect(saved.body).toEqual({ country: 'GB', resources: [SAMARITANOS] });
    expect((await get('/api/admin/crisis-resources?language=es')).body.resources).toEqual([SAMARITANOS]);
    expect((await get('/api/admin/crisis-resources')).body.resources).toEqual([SAMARITANS]);
    expect((await get('/api/me/moderation/crisis-resources?language=es', member)).body.resources).toEqual([
      SAMARITANOS,
    ]);
    expect((await get('/api/me/moderation/crisis-resources', member)).body.resources).toEqual([SAMARITANS]);

    await put({ country: 'GB', resources: [] }, '?language=fr').expect(400);
  });
});
