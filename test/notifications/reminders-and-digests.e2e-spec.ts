import {
  MeetingReminders,
  NewMessageNotices,
  OutboxWorker,
  QuestionnaireReminders,
} from '@hearth/notifications';

import { groupApi, inRoom, say } from '../moderation/support.js';
import type { TestApp } from '../support/app.js';
import { acceptAgreement, scheduleMeeting, type GroupCard } from '../support/groups.js';
import { subscribeDevice, type TestPushService } from '../support/push-service.js';
import { registerUser, type TestUser } from '../support/users.js';
import { pushCircle, usePushService } from './support.js';

const MINUTE = 60_000;

describe('Meeting reminders, new-message notices and digests, and news about my groups', () => {
  const pushService = usePushService();
  let push: TestPushService;
  let t: TestApp;
  let facilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    push = pushService();
    ({ t, facilitator, wren, ash, group } = await pushCircle(push, { timezone: 'America/New_York' }));
  });

  afterEach(async () => {
    await t.close();
  });

  const api = groupApi(() => ({ t, groupId: group.id }));
  const deliver = () => t.app.get(OutboxWorker).settle();
  const remind = () => t.app.get(MeetingReminders).remind();
  const flush = () => t.app.get(NewMessageNotices).flush();

  const subscribe = (user: TestUser) => subscribeDevice(t, push, user);

  const prefer = (user: TestUser, body: object) =>
    t.request().patch('/api/me/notification-preferences').set('Authorization', user.auth).send(body);

  /** A meeting starting `minutes` from the server's now, on a whole minute. */
  async function meetingIn(minutes: number, fields: object = {}): Promise<{ id: string; startsAt: Date }> {
    const startsAt = new Date(Math.ceil((t.clock.now().getTime() + minutes * MINUTE) / MINUTE) * MINUTE);
    const id = await scheduleMeeting(t, facilitator, group.id, startsAt, {
      title: 'Integration circle',
      ...fields,
    });
    return { id, startsAt };
  }

  describe('meeting reminders', () => {
    it('reminds a day and an hour before, once each, in her own time zone, and not those who chose none', async () => {
      const wrenPhone = await subscribe(wren);
      const ashPhone = await subscribe(ash);
      await prefer(wren, { timeZone: 'America/Chicago' }).expect(200);
      await prefer(ash, { meetingReminders: [] }).expect(200);
      const meeting = await meetingIn(30 * 60);

      expect(await remind()).toBe(0);
      t.clock.set(new Date(meeting.startsAt.getTime() - 24 * 60 * MINUTE + 1_000));
      expect(await remind()).toBeGreaterThan(0);
      expect(await remind()).toBe(0);
      await deliver();
      const [dayBefore] = await push.until(wrenPhone, 1);
      const chicagoTime = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/Chicago',
        hour: 'numeric',
        minute: '2-digit',
      }).format(meeting.startsAt);
      expect(dayBefore.payload).toMatchObject({
        kind: 'meeting_reminder',
        title: 'Meeting tomorrow',
        body: `Your group meets tomorrow at ${chicagoTime} (America/Chicago time).`,
        url: '/',
      });
      expect(JSON.stringify(dayBefore.payload)).not.toMatch(/Tuesday circle|Integration/);

      t.clock.set(new Date(meeting.startsAt.getTime() - 60 * MINUTE + 1_000));
      expect(await remind()).toBeGreaterThan(0);
      await deliver();
      const [, hourBefore] = await push.until(wrenPhone, 2);
      expect(hourBefore.payload).toMatchObject({ kind: 'meeting_reminder', title: 'Meeting in 1 hour' });
      expect(ashPhone.received).toHaveLength(0);

      // Facilitators are members too; the meeting's start passes and nothing more is sent.
      t.clock.set(new Date(meeting.startsAt.getTime() + MINUTE));
      expect(await remind()).toBe(0);
    });

    it('after a pause sends only the nearest reminder, worded by the time left; names the meeting on request', async () => {
      const wrenPhone = await subscribe(wren);
      await prefer(wren, { showGroupNames: true, meetingReminders: [1_440, 60, 15] }).expect(200);
      const meeting = await meetingIn(40);
      t.clock.set(new Date(meeting.startsAt.getTime() - 40 * MINUTE));
      expect(await remind()).toBe(1);
      await deliver();
      const [notice] = await push.until(wrenPhone, 1);
      expect(notice.payload).toMatchObject({ title: 'Meeting in 40 minutes' });
      expect((notice.payload as { body: string }).body).toMatch(
        /^Integration circle \(Tuesday circle\) starts/,
      );
      t.clock.set(new Date(meeting.startsAt.getTime() - 15 * MINUTE));
      expect(await remind()).toBe(1);
    });

    it('sends nothing for a cancelled occurrence, and withdraws a reminder held by quiet hours when the meeting moves', async () => {
      const wrenPhone = await subscribe(wren);
      const cancelled = await meetingIn(50);
      await api(facilitator).del(`/meetings/${cancelled.id}`).expect(204);
      expect(await remind()).toBe(0);

      // Quiet hours until two hours from now: a reminder for a meeting in three hours waits, then is withdrawn.
      const now = t.clock.now();
      const hhmm = (at: Date) =>
        `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
      await prefer(wren, {
        timeZone: 'UTC',
        meetingReminders: [180],
        quietHours: {
          start: hhmm(new Date(now.getTime() - 60 * MINUTE)),
          end: hhmm(new Date(now.getTime() + 120 * MINUTE)),
        },
      }).expect(200);
      // A meeting that starts inside her quiet hours is not reminded at all.
      await meetingIn(100);
      expect(await remind()).toBe(0);
      const moved = await meetingIn(179);
      expect(await remind()).toBe(1);
      await t
        .request()
        .patch(`/api/groups/${group.id}/meetings/${moved.id}`)
        .set('Authorization', facilitator.auth)
        .send({ startsAt: new Date(moved.startsAt.getTime() + 7 * 24 * 60 * MINUTE).toISOString() })
        .expect(200);
      t.clock.set(new Date(now.getTime() + 121 * MINUTE));
      await deliver();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(wrenPhone.received).toHaveLength(0);
    });
  });

  describe('new messages', () => {
    it('tells those who chose it of new messages, each as they come or in a digest at the window’s end', async () => {
      const wrenPhone = await subscribe(wren);
      const ashPhone = await subscribe(ash);
      const facilitatorPhone = await subscribe(facilitator);
      await prefer(wren, { channels: { messages: { push: true } }, messageDigestHours: null }).expect(200);
      await prefer(ash, { channels: { messages: { push: true } }, messageDigestHours: 4 }).expect(200);
      await prefer(facilitator, { channels: { messages: { push: true } }, messageDigestHours: null }).expect(
        200,
      );

      const speaker = await inRoom(t, facilitator, group.id);
      for (const words of ['welcome back everyone', 'the room is open tonight', 'bring tea'])
        expect(await say(speaker, group.id, words)).toMatchObject({ ok: true });
      expect(await flush()).toBe(2);
      await deliver();
      const [notice] = await push.until(wrenPhone, 1);
      expect(notice.payload).toMatchObject({
        kind: 'new_messages',
        body: 'There are new messages in your group.',
        url: `/groups/${group.id}`,
        tag: `messages-${group.id}`,
      });
      expect(JSON.stringify(notice.payload)).not.toMatch(/tea|welcome/);
      expect(ashPhone.received).toHaveLength(0);
      expect(facilitatorPhone.received).toHaveLength(0);

      // More messages in the same window: one digest still.
      await say(speaker, group.id, 'see you thursday');
      await flush();
      const window = 4 * 3_600_000;
      const ends = (Math.floor(t.clock.now().getTime() / window) + 1) * window;
      t.clock.set(new Date(ends + 1_000));
      await deliver();
      const received = await push.until(ashPhone, 1);
      expect(received).toHaveLength(1);
      expect(received[0].payload).toMatchObject({
        kind: 'messages_digest',
        body: 'There are new messages in your groups since you last looked.',
      });
      await push.until(wrenPhone, 2);
      expect(facilitatorPhone.received).toHaveLength(0);
    });

    it('is off by default, and does not push someone who has Hearth open', async () => {
      const ashPhone = await subscribe(ash);
      const wrenPhone = await subscribe(wren);
      await prefer(wren, { channels: { messages: { push: true } }, messageDigestHours: null }).expect(200);
      const wrenOnline = await inRoom(t, wren, group.id);
      const speaker = await inRoom(t, facilitator, group.id);
      await say(speaker, group.id, 'hello all');
      expect(await flush()).toBe(0);
      wrenOnline.disconnect();
      await deliver();
      expect(ashPhone.received).toHaveLength(0);
      expect(wrenPhone.received).toHaveLength(0);
    });
  });

  describe('news about my groups', () => {
    it('tells an applicant her request was decided, and members that a new agreement awaits them', async () => {
      const applicant = await registerUser(t);
      const other = await registerUser(t);
      const applicantPhone = await subscribe(applicant);
      const otherPhone = await subscribe(other);
      const wrenPhone = await subscribe(wren);
      const facilitatorPhone = await subscribe(facilitator);
      await t
        .request()
        .patch(`/api/groups/${group.id}`)
        .set('Authorization', facilitator.auth)
        .send({ visibility: 'listed' });
      const asked = async (user: TestUser, pseudonym: string) =>
        (
          await t
            .request()
            .post(`/api/groups/${group.id}/join-requests`)
            .set('Authorization', user.auth)
            .send({ pseudonym })
            .expect(201)
        ).body.id as string;
      const yes = await asked(applicant, 'River');
      const no = await asked(other, 'Stone');
      await api(facilitator).post(`/join-requests/${yes}/approve`, {}).expect(200);
      await api(facilitator)
        .post(`/join-requests/${no}/decline`, { note: 'the group is full for now' })
        .expect(200);
      await deliver();
      expect((await push.until(applicantPhone, 1))[0].payload).toMatchObject({
        kind: 'join_approved',
        url: `/groups/${group.id}/agreement`,
      });
      const [declined] = await push.until(otherPhone, 1);
      expect(declined.payload).toMatchObject({
        kind: 'join_declined',
        body: expect.stringContaining('a group'),
      });
      expect(JSON.stringify(declined.payload)).not.toContain('full');

      await api(facilitator)
        .put('/agreement', { text: '# Our agreement\n\nWe listen. We keep what is said here.' })
        .expect(200);
      await deliver();
      const agreement = (await push.until(wrenPhone, 1))[0];
      expect(agreement.payload).toMatchObject({
        kind: 'agreement_updated',
        body: 'Your group has a new agreement. Read and accept it in Hearth to post again.',
        url: `/groups/${group.id}/agreement`,
      });
      const facilitatorKinds = facilitatorPhone.received.map((n) => (n.payload as { kind: string }).kind);
      expect(facilitatorKinds).not.toContain('agreement_updated');
    });
  });

  describe('private check-ins', () => {
    it('tells the member when a facilitator opens one with her, and the facilitators when a member asks', async () => {
      const wrenPhone = await subscribe(wren);
      const ashPhone = await subscribe(ash);
      const facilitatorPhone = await subscribe(facilitator);
      const card = await t
        .request()
        .get(`/api/groups/${group.id}`)
        .set('Authorization', wren.auth)
        .expect(200);
      const offered = await api(facilitator)
        .post('/check-ins', { membershipId: card.body.membership.id })
        .expect(200);
      await deliver();
      const [toWren] = await push.until(wrenPhone, 1);
      expect(toWren.payload).toMatchObject({
        kind: 'check_in_offered',
        title: 'A private check-in',
        url: `/check-ins/${offered.body.id}`,
      });
      expect(ashPhone.received).toHaveLength(0);
      expect(facilitatorPhone.received).toHaveLength(0);
      // Asking again finds the same check-in: no second notice.
      await api(facilitator).post('/check-ins', { membershipId: card.body.membership.id }).expect(200);
      await deliver();
      expect(wrenPhone.received).toHaveLength(1);

      await prefer(ash, { language: 'es' }).expect(200);
      const asked = await api(ash).post('/check-ins', {}).expect(200);
      await deliver();
      const [toFacilitator] = await push.until(facilitatorPhone, 1);
      expect(toFacilitator.payload).toMatchObject({
        kind: 'check_in_requested',
        url: `/check-ins/${asked.body.id}`,
      });
      // Nothing of who asked, in the notice: the conversation says it.
      expect(JSON.stringify(toFacilitator.payload)).not.toMatch(/Ash|Wren/);
      expect(ashPhone.received).toHaveLength(0);
    });
  });

  describe('questionnaires', () => {
    it('reminds once when her own schedule or her group’s assignment comes due, naming no score', async () => {
      const phone = await subscribe(wren);
      const questionnaireReminders = () => t.app.get(QuestionnaireReminders).remind();
      await t
        .request()
        .put('/api/me/questionnaires/schedules/gad7')
        .set('Authorization', wren.auth)
        .send({ everyDays: 7 })
        .expect(200);
      expect(await questionnaireReminders()).toBe(1);
      expect(await questionnaireReminders()).toBe(0);
      await deliver();
      const [notice] = await push.until(phone, 1);
      expect(notice.payload).toMatchObject({
        kind: 'questionnaire_due',
        title: 'Time for your GAD-7',
        body: 'You asked for it about now. It takes a few minutes, and your answers stay yours.',
        url: '/journal/questionnaires',
      });
      // Answered: nothing more until it comes due again.
      await t
        .request()
        .post('/api/me/questionnaires/responses')
        .set('Authorization', wren.auth)
        .send({ instrument: 'gad7', answers: [1, 1, 0, 0, 0, 0, 0] })
        .expect(201);
      expect(await questionnaireReminders()).toBe(0);

      // The group asks for the PHQ-9: every active member is reminded, the group unnamed.
      await t
        .request()
        .post(`/api/groups/${group.id}/questionnaires/assignments`)
        .set('Authorization', facilitator.auth)
        .send({ instrument: 'phq9', everyDays: 14 })
        .expect(201);
      // Not before she accepts the agreement that says so.
      expect(await questionnaireReminders()).toBe(0);
      const { body: agreement } = await t
        .request()
        .get(`/api/groups/${group.id}/agreement`)
        .set('Authorization', wren.auth)
        .expect(200);
      await acceptAgreement(t, wren, group.id, agreement.version).expect(200);
      expect(await questionnaireReminders()).toBe(1);
      await deliver();
      const received = await push.until(phone, 3);
      const asked = received.find(
        (n) => (n.payload as { kind: string }).kind === 'questionnaire_due' && n !== received[0],
      )!;
      expect(asked.payload).toMatchObject({
        title: 'Time for your PHQ-9',
        body: expect.stringMatching(/^Your group asks/),
      });
    });
  });

  describe('preferences for reminders and digests', () => {
    it('keeps valid choices (sorted, distinct) and refuses others with the field named', async () => {
      const { body } = await prefer(wren, {
        meetingReminders: [60, 1_440, 60],
        messageDigestHours: 6,
      }).expect(200);
      expect(body).toMatchObject({ meetingReminders: [1_440, 60], messageDigestHours: 6 });
      expect(
        (await prefer(wren, { messageDigestHours: null }).expect(200)).body.messageDigestHours,
      ).toBeNull();
      const fresh = (await t.request().get('/api/me/notification-preferences').set('Authorization', ash.auth))
        .body;
      expect(fresh).toMatchObject({
        meetingReminders: [1_440, 60],
        messageDigestHours: 4,
        channels: { messages: { push: false, email: false }, membership: { push: true, email: true } },
      });
      for (const bad of [
        { meetingReminders: [5] },
        { meetingReminders: 60 },
        { meetingReminders: ['60'] },
        { messageDigestHours: 5 },
        { messageDigestHours: 'often' },
      ]) {
        const refused = await prefer(wren, bad).expect(400);
        expect(JSON.stringify(refused.body.details)).toMatch(Object.keys(bad)[0]);
      }
      expect(
        (await t.request().get('/api/me/notification-preferences').set('Authorization', wren.auth)).body,
      ).toMatchObject({ meetingReminders: [1_440, 60], messageDigestHours: null });
    });
  });
});
