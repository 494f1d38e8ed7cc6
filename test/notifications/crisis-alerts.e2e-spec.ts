import { IncidentsService } from '@hearth/moderation';
import { CrisisPager, OutboxWorker } from '@hearth/notifications';

import { groupApi, inRoom, said, say, settle } from '../moderation/support.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, scheduleMeeting, type GroupCard } from '../support/groups.js';
import { subscribeDevice, type TestPushService } from '../support/push-service.js';
import { collect, connect, until } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';
import { usePushService } from './support.js';

describe('Crisis alerts by Web Push: the facilitators are paged until one acknowledges', () => {
  const pushService = usePushService();
  let push: TestPushService;
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let cofacilitator: TestUser;
  let wren: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    push = pushService();
    t = await createTestApp({
      env: { PUSH_SERVICE_HOSTS: push.host, CRISIS_REPEAT_MINUTES: '5', CRISIS_ESCALATION_MINUTES: '10' },
      outboundAgent: push.agent,
    });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    cofacilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    group = await createGroup(t, facilitator, { name: 'Tuesday circle' });
    await addActiveMember(t, facilitator, group.id, cofacilitator, 'Sage');
    await t
      .request()
      .patch(`/api/groups/${group.id}/members/${cofacilitator.id}`)
      .set('Authorization', facilitator.auth)
      .send({ role: 'facilitator' })
      .expect(200);
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
  });

  afterEach(async () => {
    await t.close();
  });

  const api = groupApi(() => ({ t, groupId: group.id }));

  const subscribe = (user: TestUser, label = 'Phone') => subscribeDevice(t, push, user, label);

  async function crisis(text = 'I have the pills counted out and tonight is the night'): Promise<string> {
    const member = await inRoom(t, wren, group.id);
    const answer = await say(member, group.id, text);
    expect(answer).toMatchObject({ ok: true });
    const [incident] = (await api(facilitator).get('/moderation/incidents').expect(200)).body as {
      id: string;
    }[];
    return incident.id;
  }

  const deliver = () => t.app.get(OutboxWorker).settle();

  it('sends an encrypted, content-free alert with a link to the incident, signed with the instance key', async () => {
    const phone = await subscribe(facilitator);
    const instance = await t.request().get('/api/instance').expect(200);
    const incidentId = await crisis();
    await deliver();
    const [received] = await push.until(phone, 1);
    expect(received.payload).toEqual({
      kind: 'crisis_alert',
      title: 'Urgent: someone may need support',
      body: 'Someone in your group may need support now. Open Hearth to respond.',
      url: `/groups/${group.id}/console?tab=incidents&incident=${incidentId}`,
      tag: `incident-${incidentId}`,
      requireInteraction: true,
      language: 'en',
    });
    // Nothing of what she wrote, nor who she is, reaches the push service or the lock screen.
    expect(JSON.stringify(received)).not.toMatch(/pills|Wren|tonight/i);
    expect(received.headers).toMatchObject({ urgency: 'high', topic: incidentId.replace(/-/g, '') });
    expect(received.vapid.publicKey).toBe(instance.body.webPush.publicKey);
    expect(received.vapid.aud).toBe(`https://${push.host}`);
  });

  it('tells the writer a facilitator knows only once a push service accepted the alert, when nobody was online', async () => {
    const phone = await subscribe(facilitator);
    // She is told when her facilitators are next there: the group's next meeting.
    const meetsAt = new Date(Math.ceil((t.clock.now().getTime() + 2 * 86_400_000) / 60_000) * 60_000);
    await scheduleMeeting(t, facilitator, group.id, meetsAt);
    const member = await inRoom(t, wren, group.id);
    const resources = collect(member, 'safety:resources');
    const reached = collect(member, 'safety:reached');
    phone.answer(503);
    expect(await say(member, group.id, 'i am going to take all the pills tonight')).toMatchObject({
      ok: true,
    });
    await until(() => resources.length === 1, 'her resources');
    expect(resources[0]).toMatchObject({ told: false, facilitatorsNextAt: meetsAt.toISOString() });
    await deliver();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reached).toEqual([]);

    phone.answer(201);
    t.clock.advance(10_000);
    await deliver();
    await push.until(phone, 1);
    await until(() => reached.length === 1, 'told that a facilitator knows');
    expect(reached[0]).toEqual({ groupId: group.id, message: 'A facilitator has been told.' });
    // Once: later rounds reaching devices say nothing more.
    t.clock.advance(5 * 60_000 + 1_000);
    await t.app.get(CrisisPager).tick();
    await deliver();
    await push.until(phone, 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reached).toHaveLength(1);
  });

  it('names the group only for a facilitator who chose "show group names"', async () => {
    const phone = await subscribe(facilitator);
    await t
      .request()
      .patch('/api/me/notification-preferences')
      .set('Authorization', facilitator.auth)
      .send({ showGroupNames: true })
      .expect(200);
    await crisis();
    await deliver();
    const [received] = await push.until(phone, 1);
    expect(received.payload.body).toBe(
      'Someone in Tuesday circle may need support now. Open Hearth to respond.',
    );
  });

  it('repeats every CRISIS_REPEAT_MINUTES to every facilitator and device until one acknowledges', async () => {
    const phone = await subscribe(facilitator, 'Phone');
    const laptop = await subscribe(facilitator, 'Laptop');
    const sagesPhone = await subscribe(cofacilitator);
    const wrensPhone = await subscribe(wren);
    const incidentId = await crisis();
    await deliver();
    await push.until(phone, 1);
    await push.until(laptop, 1);
    await push.until(sagesPhone, 1);

    const pager = t.app.get(CrisisPager);
    t.clock.advance(4 * 60_000);
    await pager.tick();
    await deliver();
    expect(phone.received).toHaveLength(1);

    t.clock.advance(60_000 + 1_000);
    await pager.tick();
    await pager.tick(); // a second look (another node's, say) sends the round once
    await deliver();
    await push.until(phone, 2);
    await push.until(sagesPhone, 2);
    expect(phone.received[1].payload).toMatchObject({
      title: 'Still unanswered: someone may need support',
      tag: `incident-${incidentId}`,
    });

    await api(cofacilitator)
      .post(`/moderation/incidents/${incidentId}/acknowledge`, { note: 'Calling her now' })
      .expect(200);
    t.clock.advance(30 * 60_000);
    await pager.tick();
    await deliver();
    expect(phone.received).toHaveLength(2);
    expect(laptop.received).toHaveLength(2);
    expect(sagesPhone.received).toHaveLength(2);
    // The writer is never paged about herself.
    expect(wrensPhone.received).toHaveLength(0);
  });

  it('escalates to the admins by push, and later rounds reach them too', async () => {
    const adminPhone = await subscribe(admin);
    const phone = await subscribe(facilitator);
    const incidentId = await crisis();
    await deliver();
    await push.until(phone, 1);
    expect(adminPhone.received).toHaveLength(0);

    t.clock.advance(11 * 60_000);
    expect(await t.app.get(IncidentsService).escalateOverdue()).toBe(1);
    await deliver();
    const [escalation] = await push.until(adminPhone, 1);
    expect(escalation.payload).toMatchObject({
      kind: 'crisis_escalated',
      title: 'Unanswered crisis alert',
      url: `/groups/${group.id}/console?tab=incidents&incident=${incidentId}`,
    });
    // Later rounds go to the admins too.
    await t.app.get(CrisisPager).tick();
    await deliver();
    await push.until(adminPhone, 2);
  });

  it('never alerts a facilitator about herself: the other facilitator is paged and answers; escalation reaches the admins', async () => {
    const sagesPhone = await subscribe(cofacilitator);
    const phone = await subscribe(facilitator);
    const adminPhone = await subscribe(admin);
    const sage = await inRoom(t, cofacilitator, group.id);
    const fern = await connect(t, facilitator);
    const adminSocket = await connect(t, admin);
    const sageAlerts = collect(sage, 'safety:alert');
    const sageReports = collect(sage, 'moderation:report');
    const fernAlerts = collect(fern, 'safety:alert');
    const adminAlerts = collect(adminSocket, 'safety:alert');
    const waiting = async (user: TestUser) =>
      (await t.request().get('/api/me/moderation/open-incidents').set('Authorization', user.auth).expect(200))
        .body as unknown[];

    // Sage, who co-facilitates the group, writes words of crisis in it.
    expect(await say(sage, group.id, 'I have the pills counted out and tonight is the night')).toMatchObject({
      ok: true,
    });
    await until(() => fernAlerts.length === 1, 'the other facilitator alerted');
    await deliver();
    await push.until(phone, 1);
    expect(await waiting(facilitator)).toHaveLength(1);
    const [incident] = (await api(facilitator).get('/moderation/incidents').expect(200)).body as {
      id: string;
      subjectUserId: string;
    }[];
    expect(incident.subjectUserId).toBe(cofacilitator.id);
    // She sees it nowhere: not on every screen, not in the console's incidents or queue; and cannot close it.
    expect(await waiting(cofacilitator)).toEqual([]);
    expect((await api(cofacilitator).get('/moderation/incidents').expect(200)).body).toEqual([]);
    expect((await api(cofacilitator).get('/moderation/queue').expect(200)).body).toEqual([]);
    const refused = await api(cofacilitator)
      .post(`/moderation/incidents/${incident.id}/acknowledge`, { note: 'I am fine' })
      .expect(403);
    expect(refused.body.code).toBe('INCIDENT_ABOUT_YOU');

    // A member reports a message of hers as a crisis concern: the same.
    const message = await said(sage, group.id, 'Giving my things away has felt lighter');
    await api(wren).post(`/messages/${message.id}/reports`, { reason: 'crisis_concern' }).expect(201);
    await until(() => fernAlerts.length === 2, 'the report alert');
    expect(await waiting(facilitator)).toHaveLength(2);
    expect(await waiting(cofacilitator)).toEqual([]);

    // Later rounds page Fern alone; the escalation reaches the admins.
    t.clock.advance(5 * 60_000 + 1_000);
    await t.app.get(CrisisPager).tick();
    await deliver();
    await push.until(phone, 2);
    t.clock.advance(6 * 60_000);
    expect(await t.app.get(IncidentsService).escalateOverdue()).toBeGreaterThanOrEqual(1);
    await deliver();
    await push.until(adminPhone, 1);
    await until(() => adminAlerts.length >= 1, 'the escalation alert');
    await settle();
    expect(sageAlerts).toEqual([]);
    // Nor is she told that her message was reported, on any device.
    expect(sageReports).toEqual([]);
    expect(sagesPhone.received).toHaveLength(0);
  });

  it('retries a push service that fails, and forgets a device whose service answers 410', async () => {
    const phone = await subscribe(facilitator, 'Phone');
    const oldTablet = await subscribe(facilitator, 'Old tablet');
    phone.answer(503);
    oldTablet.answer(410);
    await crisis();
    await deliver();
    expect(phone.received).toHaveLength(0);

    const devices = await t
      .request()
      .get('/api/me/push-subscriptions')
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect(devices.body.map((d: { label: string }) => d.label)).toEqual(['Phone']);

    phone.answer(201);
    // Back-off: 5 s plus up to a fifth of jitter. The test's clock also runs in real time, so the hand-moved
    // part stays a second short of 5 s (a loaded machine takes some of it) and then goes well past 6 s.
    t.clock.advance(4_000);
    await deliver();
    expect(phone.received).toHaveLength(0);
    t.clock.advance(3_000);
    await deliver();
    await push.until(phone, 1);
    t.clock.advance(60 * 60_000);
    await deliver();
    expect(phone.received).toHaveLength(1);
  });
});
