import { OutboxWorker } from '@hearth/notifications';

import { usePushService } from '../notifications/support.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { subscribeDevice, type TestPushService } from '../support/push-service.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';
import { groupApi, inRoom, said } from './support.js';

interface QueueItem {
  kind: string;
  id: string;
  message: { id: string } | null;
}

/**
 * A report of a facilitator's own message (issue 17): it is not in her queue and she cannot decide it; her
 * co-facilitators do, or, when she is the group's only facilitator, the admins, who are told of it as they would
 * be of a crisis incident about her.
 */
describe('Reports of a facilitator’s own message - GET …/moderation/queue, POST …/moderation/reports/:id/resolve', () => {
  const pushService = usePushService();
  let push: TestPushService;
  let t: TestApp;
  let admin: TestUser;
  let fern: TestUser;
  let wren: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    push = pushService();
    t = await createTestApp({ env: { PUSH_SERVICE_HOSTS: push.host }, outboundAgent: push.agent });
    admin = await registerUser(t, { displayName: 'Admin' });
    fern = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    group = await createGroup(t, fern, { name: 'Tuesday circle' });
    await addActiveMember(t, fern, group.id, wren, 'Wren');
  });

  afterEach(async () => {
    await t.close();
  });

  const api = groupApi(() => ({ t, groupId: group.id }));
  const deliver = () => t.app.get(OutboxWorker).settle();
  const queueOf = async (user: TestUser) =>
    (await api(user).get('/moderation/queue').expect(200)).body as QueueItem[];
  const adminQueue = async () =>
    (await t.request().get('/api/admin/moderation/queue').set('Authorization', admin.auth).expect(200))
      .body as QueueItem[];

  /** Wren reports a message: answers the report's id. */
  async function reported(messageId: string): Promise<string> {
    const report = await api(wren)
      .post(`/messages/${messageId}/reports`, { reason: 'harassment', note: 'This felt dismissive' })
      .expect(201);
    return report.body.id as string;
  }

  it('goes to her co-facilitator, not to her: not in her queue, not hers to decide, not pushed to her', async () => {
    const sage = await createAccount(t, admin, 'facilitator');
    await addActiveMember(t, fern, group.id, sage, 'Sage');
    await t
      .request()
      .patch(`/api/groups/${group.id}/members/${sage.id}`)
      .set('Authorization', fern.auth)
      .send({ role: 'facilitator' })
      .expect(200);
    const sagesPhone = await subscribeDevice(t, push, sage);
    const fernsPhone = await subscribeDevice(t, push, fern);
    const adminPhone = await subscribeDevice(t, push, admin);

    const hers = await said(await inRoom(t, sage, group.id), group.id, 'Maybe you are overthinking it');
    const reportId = await reported(hers.id);
    await deliver();

    expect(await queueOf(sage)).toEqual([]);
    expect(await queueOf(fern)).toEqual([
      expect.objectContaining({
        kind: 'report',
        id: reportId,
        message: expect.objectContaining({ id: hers.id }),
      }),
    ]);
    const refused = await api(sage)
      .post(`/moderation/reports/${reportId}/resolve`, { outcome: 'dismissed' })
      .expect(403);
    expect(refused.body.code).toBe('REPORT_ABOUT_YOU');

    // Nor does her audit log show it, which would name who reported her; Fern's does.
    const reportsIn = async (user: TestUser) =>
      ((await api(user).get('/audit').expect(200)).body as { action: string; targetUserId: string }[]).filter(
        (event) => event.action === 'report.created',
      );
    expect(await reportsIn(sage)).toEqual([]);
    expect(await reportsIn(fern)).toEqual([expect.objectContaining({ targetUserId: sage.id })]);

    const [notice] = await push.until(fernsPhone, 1);
    expect(notice.payload).toMatchObject({ kind: 'report', url: `/groups/${group.id}/console?tab=queue` });
    expect(sagesPhone.received).toHaveLength(0);
    expect(adminPhone.received).toHaveLength(0);

    await api(fern)
      .post(`/moderation/reports/${reportId}/resolve`, { outcome: 'member_warned', note: 'Talked with Sage' })
      .expect(200);
    expect(await queueOf(fern)).toEqual([]);
    // The rest of the log is hers to read as before.
    const actions = ((await api(sage).get('/audit').expect(200)).body as { action: string }[]).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['report.resolved']);
  });

  it('goes to the admins when she is the group’s only facilitator', async () => {
    const fernsPhone = await subscribeDevice(t, push, fern);
    const adminPhone = await subscribeDevice(t, push, admin);
    const hers = await said(await inRoom(t, fern, group.id), group.id, 'We will move on now');
    const reportId = await reported(hers.id);
    await deliver();

    expect(await queueOf(fern)).toEqual([]);
    await api(fern).post(`/moderation/reports/${reportId}/resolve`, { outcome: 'dismissed' }).expect(403);
    expect((await adminQueue()).map((item) => item.id)).toEqual([reportId]);
    const [notice] = await push.until(adminPhone, 1);
    expect(notice.payload).toMatchObject({ kind: 'report', url: `/groups/${group.id}/console?tab=queue` });
    expect(fernsPhone.received).toHaveLength(0);

    await api(admin).post(`/moderation/reports/${reportId}/resolve`, { outcome: 'dismissed' }).expect(200);
    expect(await adminQueue()).toEqual([]);
  });

  it('still reaches her for a member’s message, and leaves the admins out while she can answer', async () => {
    const fernsPhone = await subscribeDevice(t, push, fern);
    const adminPhone = await subscribeDevice(t, push, admin);
    const ash = await registerUser(t);
    await addActiveMember(t, fern, group.id, ash, 'Ash');
    const theirs = await said(await inRoom(t, ash, group.id), group.id, 'Nobody here gets it');
    const reportId = await reported(theirs.id);
    await deliver();
    expect((await queueOf(fern)).map((item) => item.id)).toEqual([reportId]);
    await push.until(fernsPhone, 1);
    expect(adminPhone.received).toHaveLength(0);
    await api(fern).post(`/moderation/reports/${reportId}/resolve`, { outcome: 'dismissed' }).expect(200);
  });
});
