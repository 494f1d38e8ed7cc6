import { IncidentsService, SafetyEvents } from '@hearth/moderation';

import { createTestApp, type TestApp } from '../support/app.js';
import { recordDomainEvents } from '../support/events.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { createAccount, registerUser, renew, type TestUser } from '../support/users.js';
import { groupApi, inRoom, said } from './support.js';

describe('Moderation domain events: incidents, reports, mutes, held messages', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let group: GroupCard;
  let wrenMembership: string;
  let recorder: ReturnType<typeof recordDomainEvents>;

  beforeEach(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '1000' } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    ash = await registerUser(t);
    group = await createGroup(t, facilitator);
    wrenMembership = (await addActiveMember(t, facilitator, group.id, wren, 'Wren')).membershipId;
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
    recorder = recordDomainEvents(t);
  });

  afterEach(async () => {
    recorder.stop();
    await t.close();
  });

  const api = groupApi(() => ({ t, groupId: group.id }));

  it('announces an incident opened by words of crisis, acknowledged, escalated and resolved, each after commit', async () => {
    const member = await inRoom(t, wren, group.id);
    const message = await said(member, group.id, 'I want to end my life');
    const [opened] = recorder.of(SafetyEvents.incidentOpened);
    expect(opened).toMatchObject({
      groupId: group.id,
      subjectUserId: wren.id,
      subjectMembershipId: wrenMembership,
      messageId: message.id,
      source: 'detector',
    });
    const incidentId = opened.incidentId as string;

    const incidents = t.app.get(IncidentsService);
    t.clock.advance(11 * 60_000);
    expect(await incidents.escalateOverdue()).toBe(1);
    expect(await incidents.escalateOverdue()).toBe(0);
    expect(recorder.of(SafetyEvents.incidentEscalated)).toEqual([
      expect.objectContaining({ incidentId, groupId: group.id, subjectMembershipId: wrenMembership }),
    ]);

    await renew(t, facilitator);
    await api(facilitator)
      .post(`/moderation/incidents/${incidentId}/acknowledge`, { note: 'Called her; she is with family' })
      .expect(200);
    await api(facilitator).post(`/moderation/incidents/${incidentId}/resolve`, { note: 'Safe' }).expect(200);
    await api(facilitator).post(`/moderation/incidents/${incidentId}/resolve`, { note: 'Again' }).expect(409);
    expect(recorder.of(SafetyEvents.incidentAcknowledged)).toEqual([
      { incidentId, groupId: group.id, byUserId: facilitator.id },
    ]);
    expect(recorder.of(SafetyEvents.incidentResolved)).toEqual([
      { incidentId, groupId: group.id, byUserId: facilitator.id },
    ]);
    expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
  });

  it('announces a member’s report, and a crisis concern also opens an incident about the author', async () => {
    const member = await inRoom(t, wren, group.id);
    const message = await said(member, group.id, 'nobody would notice if I was gone');
    recorder.events.length = 0;
    const report = await api(ash)
      .post(`/messages/${message.id}/reports`, { reason: 'crisis_concern' })
      .expect(201);
    expect(recorder.of(SafetyEvents.reportFiled)).toEqual([
      {
        reportId: report.body.id,
        groupId: group.id,
        messageId: message.id,
        reason: 'crisis_concern',
        reporterUserId: ash.id,
        // Whom it is about, so that a facilitator reported is not the one told of it.
        authorUserId: wren.id,
      },
    ]);
    expect(recorder.of(SafetyEvents.incidentOpened)).toEqual([
      expect.objectContaining({ source: 'report', subjectUserId: wren.id, messageId: message.id }),
    ]);
    // Refused reports announce nothing.
    await api(wren).post(`/messages/${message.id}/reports`, { reason: 'spam' }).expect(409);
    await api(ash).post(`/messages/${message.id}/reports`, { reason: 'spam' }).expect(409);
    expect(recorder.of(SafetyEvents.reportFiled)).toHaveLength(1);
    expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
  });

  it('announces the filter’s flag as a report with no reporter', async () => {
    await api(facilitator).post('/blocked-terms', { term: 'dosage', action: 'flag' }).expect(201);
    const member = await inRoom(t, wren, group.id);
    const message = await said(member, group.id, 'what dosage did you have?');
    expect(recorder.of(SafetyEvents.reportFiled)).toEqual([
      expect.objectContaining({ messageId: message.id, reason: 'automatic_flag', reporterUserId: null }),
    ]);
  });

  it('announces a mute with its end, and a held message with the reasons', async () => {
    await api(facilitator)
      .post('/moderation/mutes', { userId: ash.id, minutes: 60, reason: 'a pause' })
      .expect(201);
    expect(recorder.of(SafetyEvents.memberMuted)).toEqual([
      { groupId: group.id, userId: ash.id, byUserId: facilitator.id, until: expect.any(String) },
    ]);
    await api(facilitator).post('/moderation/mutes', { userId: wren.id, minutes: null }).expect(201);
    expect(recorder.of(SafetyEvents.memberMuted)[1]).toMatchObject({ userId: wren.id, until: null });

    await t
      .request()
      .delete(`/api/groups/${group.id}/moderation/mutes/${wren.id}`)
      .set('Authorization', facilitator.auth)
      .expect(204);
    await api(facilitator).post('/blocked-terms', { term: 'microdose', action: 'hold' }).expect(201);
    const member = await inRoom(t, wren, group.id);
    const held = await said(member, group.id, 'anyone tried to microdose?');
    expect(held.status).toBe('held');
    expect(recorder.of(SafetyEvents.messageHeld)).toEqual([
      {
        groupId: group.id,
        messageId: held.id,
        authorUserId: wren.id,
        authorMembershipId: wrenMembership,
        reasons: [expect.any(String)],
      },
    ]);
    expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
  });
});
