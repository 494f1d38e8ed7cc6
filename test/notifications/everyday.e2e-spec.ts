import { OutboxWorker } from '@hearth/notifications';

import { groupApi, inRoom, say } from '../moderation/support.js';
import type { TestApp } from '../support/app.js';
import type { GroupCard } from '../support/groups.js';
import { subscribeDevice, type TestPushService } from '../support/push-service.js';
import { registerUser, type TestUser } from '../support/users.js';
import { pushCircle, usePushService } from './support.js';

describe('Everyday notices: mentions and replies, join requests and reports, a facilitator’s decisions', () => {
  const pushService = usePushService();
  let push: TestPushService;
  let t: TestApp;
  let facilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    push = pushService();
    ({ t, facilitator, wren, ash, group } = await pushCircle(push, { visibility: 'listed' }));
  });

  afterEach(async () => {
    await t.close();
  });

  const api = groupApi(() => ({ t, groupId: group.id }));
  const deliver = () => t.app.get(OutboxWorker).settle();

  const subscribe = (user: TestUser) => subscribeDevice(t, push, user);

  it('tells someone who is away that she was mentioned, without the words or who wrote them', async () => {
    const phone = await subscribe(wren);
    const ashInRoom = await inRoom(t, ash, group.id);
    expect(
      await say(ashInRoom, group.id, '@Wren thinking of you after last night, the tea helped'),
    ).toMatchObject({
      ok: true,
    });
    await deliver();
    const [notice] = await push.until(phone, 1);
    expect(notice.payload).toMatchObject({
      kind: 'mention',
      title: 'You were mentioned',
      body: 'Someone mentioned you in your group.',
      url: `/groups/${group.id}`,
    });
    expect(JSON.stringify(notice.payload)).not.toMatch(/tea|Ash|Tuesday/);
  });

  it('does not push someone who has Hearth open, and holds a notice through her quiet hours', async () => {
    const phone = await subscribe(wren);
    const wrenOnline = await inRoom(t, wren, group.id);
    const ashInRoom = await inRoom(t, ash, group.id);
    await say(ashInRoom, group.id, '@Wren are you coming thursday?');
    await deliver();
    expect(phone.received).toHaveLength(0);
    wrenOnline.disconnect();

    // Quiet from the hour before now until the hour after it, in her time zone.
    const now = t.clock.now();
    const hour = (offset: number) => `${String((now.getUTCHours() + offset + 24) % 24).padStart(2, '0')}:00`;
    await t
      .request()
      .patch('/api/me/notification-preferences')
      .set('Authorization', wren.auth)
      .send({ quietHours: { start: hour(-1), end: hour(1) }, timeZone: 'UTC' })
      .expect(200);
    await say(ashInRoom, group.id, '@Wren no rush to answer');
    await deliver();
    expect(phone.received).toHaveLength(0);
    const end = new Date(now);
    end.setUTCHours(now.getUTCHours() + 1, 0, 0, 0);
    t.clock.set(new Date(end.getTime() - 60_000));
    await deliver();
    expect(phone.received).toHaveLength(0);
    t.clock.set(new Date(end.getTime() + 1_000));
    await deliver();
    await push.until(phone, 1);
  });

  it('sends nothing for a category she switched off', async () => {
    const phone = await subscribe(wren);
    await t
      .request()
      .patch('/api/me/notification-preferences')
      .set('Authorization', wren.auth)
      .send({ channels: { mentions: { push: false } } })
      .expect(200);
    const ashInRoom = await inRoom(t, ash, group.id);
    await say(ashInRoom, group.id, '@Wren hello');
    await deliver();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(phone.received).toHaveLength(0);
  });

  it('tells facilitators of a join request and a report, and a member of a mute without its reason', async () => {
    const facilitatorPhone = await subscribe(facilitator);
    const wrenPhone = await subscribe(wren);
    const applicant = await registerUser(t);
    await t
      .request()
      .post(`/api/groups/${group.id}/join-requests`)
      .set('Authorization', applicant.auth)
      .send({ pseudonym: 'River' })
      .expect(201);
    await deliver();
    const [request] = await push.until(facilitatorPhone, 1);
    expect(request.payload).toMatchObject({
      kind: 'join_request',
      body: 'Someone asked to join your group.',
      url: `/groups/${group.id}/console?tab=requests`,
    });

    const wrenInRoom = await inRoom(t, wren, group.id);
    const message = await wrenInRoom.emitWithAck('message:send', {
      groupId: group.id,
      clientId: crypto.randomUUID(),
      body: 'some words',
    });
    expect(message.ok).toBe(true);
    wrenInRoom.disconnect();
    await api(ash)
      .post(`/messages/${(message as { message: { id: string } }).message.id}/reports`, { reason: 'spam' })
      .expect(201);
    await deliver();
    const received = await push.until(facilitatorPhone, 2);
    expect(received[1].payload).toMatchObject({
      kind: 'report',
      url: `/groups/${group.id}/console?tab=queue`,
    });

    await api(facilitator)
      .post('/moderation/mutes', {
        userId: wren.id,
        minutes: 60,
        reason: 'Please take a breath before posting',
      })
      .expect(201);
    await deliver();
    const [muted] = await push.until(wrenPhone, 1);
    expect(muted.payload).toMatchObject({ kind: 'muted', title: 'A facilitator paused your posting' });
    expect(JSON.stringify(muted.payload)).not.toContain('breath');
  });
});
