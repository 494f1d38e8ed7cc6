import { MeetingReminders, OutboxWorker } from '@hearth/notifications';

import { inRoom, say } from '../moderation/support.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, scheduleMeeting } from '../support/groups.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

const PUBLIC_URL = 'https://hearth.example.org';
const VERIFY_SUBJECT = 'Confirm your email address for Hearth';

describe('Email: crisis alerts and reminders through a real SMTP server, to confirmed addresses only', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });

  afterAll(async () => {
    await smtp.close();
  });

  beforeEach(async () => {
    t = await createTestApp({ env: { PUBLIC_URL, SMTP_URL: smtp.url, CRISIS_ESCALATION_MINUTES: '10' } });
    admin = await registerUser(t, { displayName: 'Admin' });
  });

  afterEach(async () => {
    await t.close();
  });

  async function confirmed(user: TestUser): Promise<void> {
    const mail = await smtp.nextMail((m) => m.to.includes(user.email) && m.subject === VERIFY_SUBJECT);
    const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    await t.request().post('/api/auth/verify-email').send({ token }).expect(204);
  }

  const alertTo = (user: TestUser) => (mail: ReceivedMail) =>
    mail.to.includes(user.email) && mail.subject.includes('may need support');

  it('emails the facilitator a content-free alert with a link to the incident; an unconfirmed address gets nothing', async () => {
    const facilitator = await createAccount(t, admin, 'facilitator');
    const unconfirmed = await createAccount(t, admin, 'facilitator');
    await confirmed(facilitator);
    const wren = await registerUser(t);
    const group = await createGroup(t, facilitator, { name: 'Tuesday circle' });
    await t
      .request()
      .post(`/api/groups/${group.id}/facilitators`)
      .set('Authorization', facilitator.auth)
      .send({ userId: unconfirmed.id, pseudonym: 'Co' })
      .expect(201);
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');

    const member = await inRoom(t, wren, group.id);
    expect(await say(member, group.id, 'the pills are counted and tonight i end it')).toMatchObject({
      ok: true,
    });
    await t.app.get(OutboxWorker).settle();
    const mail = await smtp.nextMail(alertTo(facilitator));
    const [incident] = (
      await t
        .request()
        .get(`/api/groups/${group.id}/moderation/incidents`)
        .set('Authorization', facilitator.auth)
        .expect(200)
    ).body as { id: string }[];
    expect(mail.subject).toBe('Urgent: someone may need support');
    expect(mail.text).toContain('Someone in your group may need support now.');
    expect(mail.text).toContain(
      `${PUBLIC_URL}/groups/${group.id}/console?tab=incidents&incident=${incident.id}`,
    );
    expect(mail.html).toContain(
      `href="${PUBLIC_URL}/groups/${group.id}/console?tab=incidents&#38;incident=${incident.id}"`,
    );
    expect(`${mail.text}${mail.html}`).not.toMatch(/pills|tonight|Wren|Tuesday circle/i);
    expect(smtp.mails.filter(alertTo(unconfirmed))).toEqual([]);
  });

  it('retries a mail server that answers 451, once it takes mail again', async () => {
    const facilitator = await createAccount(t, admin, 'facilitator');
    await confirmed(facilitator);
    const wren = await registerUser(t);
    const group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await smtp.nextMail((m) => m.to.includes(wren.email) && m.subject === VERIFY_SUBJECT);
    smtp.rejectNext(451);
    const member = await inRoom(t, wren, group.id);
    await say(member, group.id, 'i am going to jump off the bridge tonight');
    const worker = t.app.get(OutboxWorker);
    await worker.settle();
    expect(smtp.mails.filter(alertTo(facilitator))).toEqual([]);
    t.clock.advance(7_000);
    await worker.settle();
    await smtp.nextMail(alertTo(facilitator));
    expect(smtp.mails.filter(alertTo(facilitator))).toHaveLength(1);
  });

  it('emails a meeting reminder an hour before, in the member’s time zone and language, with the link home', async () => {
    const facilitator = await createAccount(t, admin, 'facilitator');
    const wren = await registerUser(t);
    await confirmed(wren);
    const group = await createGroup(t, facilitator, { name: 'Tuesday circle' });
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await t
      .request()
      .patch('/api/me/notification-preferences')
      .set('Authorization', wren.auth)
      .send({ timeZone: 'Europe/Madrid', meetingReminders: [60], language: 'es' })
      .expect(200);
    const startsAt = new Date(Math.ceil((t.clock.now().getTime() + 3 * 3_600_000) / 60_000) * 60_000);
    await scheduleMeeting(t, facilitator, group.id, startsAt);
    t.clock.set(new Date(startsAt.getTime() - 60 * 60_000));
    expect(await t.app.get(MeetingReminders).remind()).toBeGreaterThan(0);
    await t.app.get(OutboxWorker).settle();
    const mail = await smtp.nextMail((m) => m.to.includes(wren.email) && m.subject === 'Reunión en 1 hora');
    const madrid = new Intl.DateTimeFormat('es', {
      timeZone: 'Europe/Madrid',
      hour: 'numeric',
      minute: '2-digit',
    }).format(startsAt);
    expect(mail.text).toContain(`a las ${madrid} (hora de Europe/Madrid).`);
    expect(mail.text).toContain('Abrir Hearth:');
    expect(mail.html).toContain('O copia esta dirección en tu navegador:');
    expect(mail.text).toContain(`${PUBLIC_URL}/`);
    expect(`${mail.text}${mail.html}`).not.toMatch(/Tuesday circle|Circle/);
  });
});
