import fc from 'fast-check';
import { strFromU8 } from 'fflate';

import { createTestApp, type TestApp } from '../support/app.js';
import { bodiesFor } from '../support/fuzz.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { startPushService, type TestPushService } from '../support/push-service.js';
import { createAccount, exportOf, registerUser, type TestUser } from '../support/users.js';

describe('My devices and my notification preferences', () => {
  let push: TestPushService;
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let mia: TestUser;
  let noor: TestUser;

  beforeAll(async () => {
    push = await startPushService();
    t = await createTestApp({ env: { PUSH_SERVICE_HOSTS: `${push.host},.push.apple.com` } });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    mia = await registerUser(t);
    noor = await registerUser(t);
  });

  afterAll(async () => {
    await t.close();
    await push.close();
  });

  const as = (user: TestUser) => ({
    get: (path: string) => t.request().get(`/api/me${path}`).set('Authorization', user.auth),
    post: (path: string, body: unknown) =>
      t
        .request()
        .post(`/api/me${path}`)
        .set('Authorization', user.auth)
        .send(body as object),
    patch: (path: string, body: unknown) =>
      t
        .request()
        .patch(`/api/me${path}`)
        .set('Authorization', user.auth)
        .send(body as object),
    del: (path: string) => t.request().delete(`/api/me${path}`).set('Authorization', user.auth),
  });

  describe('GET /api/instance', () => {
    it('gives the VAPID public key a browser subscribes with, to anyone', async () => {
      const { body } = await t.request().get('/api/instance').expect(200);
      expect(Buffer.from(body.webPush.publicKey, 'base64url')).toHaveLength(65);
    });
  });

  describe('/api/me/push-subscriptions', () => {
    it('requires authentication', async () => {
      await t.request().get('/api/me/push-subscriptions').expect(401);
      await t.request().post('/api/me/push-subscriptions').send({}).expect(401);
    });

    it('keeps each device once, lists mine only, and removes one on request', async () => {
      const device = push.device();
      const first = await as(mia)
        .post('/push-subscriptions', { endpoint: device.endpoint, keys: device.keys, label: 'Phone' })
        .expect(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        label: 'Phone',
        createdAt: expect.any(String),
        lastSuccessAt: null,
      });
      expect(JSON.stringify(first.body)).not.toContain(device.endpoint);
      // The same browser subscribing again is the same device.
      const again = await as(mia)
        .post('/push-subscriptions', { endpoint: device.endpoint, keys: device.keys })
        .expect(201);
      expect(again.body).toMatchObject({ id: first.body.id, label: 'Phone' });
      expect((await as(mia).get('/push-subscriptions').expect(200)).body).toHaveLength(1);
      expect((await as(noor).get('/push-subscriptions').expect(200)).body).toEqual([]);

      await as(noor).del(`/push-subscriptions/${first.body.id}`).expect(404);
      await as(mia).del(`/push-subscriptions/${first.body.id}`).expect(204);
      await as(mia).del(`/push-subscriptions/${first.body.id}`).expect(404);
      expect((await as(mia).get('/push-subscriptions').expect(200)).body).toEqual([]);
    });

    it('moves a shared browser to whoever subscribed it last', async () => {
      const device = push.device();
      await as(mia).post('/push-subscriptions', { endpoint: device.endpoint, keys: device.keys }).expect(201);
      await as(noor)
        .post('/push-subscriptions', { endpoint: device.endpoint, keys: device.keys })
        .expect(201);
      expect((await as(mia).get('/push-subscriptions').expect(200)).body).toEqual([]);
      expect((await as(noor).get('/push-subscriptions').expect(200)).body).toHaveLength(1);
    });

    it('refuses an address that is not a push service this Hearth sends to (no requests to arbitrary hosts)', async () => {
      const device = push.device();
      for (const endpoint of [
        'https://169.254.169.254/latest/meta-data',
        'https://localhost:5432/',
        'https://evil.example/push.apple.com',
        'https://push.apple.com.evil.example/x',
      ]) {
        const response = await as(mia)
          .post('/push-subscriptions', { endpoint, keys: device.keys })
          .expect(400);
        expect(response.body.message).toBe('Validation failed');
        expect(response.body.details).toMatchObject([
          {
            field: 'endpoint',
            message: 'endpoint must be an address of a push service this Hearth sends to',
          },
        ]);
      }
      await as(mia)
        .post('/push-subscriptions', { endpoint: 'https://web.push.apple.com/QGx', keys: device.keys })
        .expect(201);
      const http = await as(mia)
        .post('/push-subscriptions', {
          endpoint: device.endpoint.replace('https:', 'http:'),
          keys: device.keys,
        })
        .expect(400);
      expect(http.body.details[0]).toMatchObject({
        field: 'endpoint',
        message: 'endpoint must be an https address',
      });
    });

    it('answers bad bodies with a 400 naming the field, never a 500', async () => {
      const device = push.device();
      const bad = await as(mia)
        .post('/push-subscriptions', {
          endpoint: device.endpoint,
          keys: { p256dh: 'short', auth: device.keys.auth },
        })
        .expect(400);
      expect(bad.body.details).toMatchObject([
        { field: 'keys.p256dh', message: 'p256dh must be a base64url P-256 public key' },
      ]);
      await fc.assert(
        fc.asyncProperty(bodiesFor(['endpoint', 'keys', 'label'], [device.endpoint]), async (body) => {
          const response = await t
            .request()
            .post('/api/me/push-subscriptions')
            .set('Authorization', mia.auth)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expect(response.status).toBe(400);
        }),
        { numRuns: 60 },
      );
      await as(mia).del('/push-subscriptions/not-a-uuid').expect(400);
    });
  });

  describe('/api/me/notification-preferences', () => {
    it('starts at gentle defaults: crisis alerts on, new messages off, no quiet hours, no group names', async () => {
      const { body } = await as(noor).get('/notification-preferences').expect(200);
      expect(body).toEqual({
        channels: {
          crisis: { push: true, email: true },
          mentions: { push: true, email: false },
          messages: { push: false, email: false },
          meetings: { push: true, email: true },
          requests: { push: true, email: false },
          moderation: { push: true, email: true },
          membership: { push: true, email: true },
          questionnaires: { push: true, email: false },
        },
        quietHours: null,
        timeZone: 'UTC',
        showGroupNames: false,
        meetingReminders: [1_440, 60],
        messageDigestHours: 4,
        language: 'en',
        locked: [],
      });
    });

    it('changes only what is sent, and keeps it', async () => {
      const changed = await as(mia)
        .patch('/notification-preferences', {
          channels: { mentions: { email: true }, messages: { push: true } },
          quietHours: { start: '22:00', end: '07:00' },
          timeZone: 'America/Chicago',
        })
        .expect(200);
      expect(changed.body).toMatchObject({
        channels: { mentions: { push: true, email: true }, messages: { push: true, email: false } },
        quietHours: { start: '22:00', end: '07:00' },
        timeZone: 'America/Chicago',
        showGroupNames: false,
      });
      expect((await as(mia).get('/notification-preferences').expect(200)).body).toEqual(changed.body);
      const cleared = await as(mia).patch('/notification-preferences', { quietHours: null }).expect(200);
      expect(cleared.body).toMatchObject({ quietHours: null, timeZone: 'America/Chicago' });
    });

    it('keeps crisis alerts on for facilitators and admins, and says so', async () => {
      const group = await createGroup(t, facilitator, { name: 'Thursday' });
      await addActiveMember(t, facilitator, group.id, noor, 'Noor');
      const mine = await as(facilitator).get('/notification-preferences').expect(200);
      expect(mine.body.locked).toEqual(['crisis']);
      const refused = await as(facilitator)
        .patch('/notification-preferences', { channels: { crisis: { email: false } } })
        .expect(400);
      expect(refused.body.details).toMatchObject([
        {
          field: 'channels.crisis',
          message: 'Crisis alerts stay on by push and email while you facilitate a group or run this Hearth',
        },
      ]);
      await as(admin)
        .patch('/notification-preferences', { channels: { crisis: { push: false } } })
        .expect(400);
    });

    it('refuses an unknown time zone or a time of day that is not one, naming the field', async () => {
      const zone = await as(mia).patch('/notification-preferences', { timeZone: 'Mars/Olympus' }).expect(400);
      expect(zone.body.details).toMatchObject([
        { field: 'timeZone', message: 'timeZone must be an IANA time zone such as America/Chicago' },
      ]);
      const hour = await as(mia)
        .patch('/notification-preferences', { quietHours: { start: '25:00', end: '07:00' } })
        .expect(400);
      expect(hour.body.details).toMatchObject([
        { field: 'quietHours.start', message: 'start must be a time of day as HH:MM' },
      ]);
      await fc.assert(
        fc.asyncProperty(
          bodiesFor(['channels', 'quietHours', 'timeZone', 'showGroupNames'], ['22:00', 'UTC']),
          async (body) => {
            const response = await t
              .request()
              .patch('/api/me/notification-preferences')
              .set('Authorization', mia.auth)
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(body));
            expect(response.status).toBeLessThan(500);
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  it('puts my choices and my devices in my export, never a push address or its keys', async () => {
    const device = push.device();
    await as(noor).post('/push-subscriptions', {
      endpoint: device.endpoint,
      keys: device.keys,
      label: 'Kitchen tablet',
    });
    await as(noor).patch('/notification-preferences', { timeZone: 'Europe/Madrid' }).expect(200);
    const exported = strFromU8((await exportOf(t, noor))['hearth-export.json']);
    expect(JSON.parse(exported).notifications).toMatchObject({
      preferences: { timeZone: 'Europe/Madrid', quietHours: null },
      devices: expect.arrayContaining([expect.objectContaining({ label: 'Kitchen tablet' })]),
    });
    expect(exported).not.toContain(device.endpoint);
    expect(exported).not.toContain(device.keys.auth);
  });
});
