import { GroupEvents } from '@hearth/groups';

import { createTestApp, type TestApp } from '../support/app.js';
import { recordDomainEvents } from '../support/events.js';
import { createGroup, type GroupCard } from '../support/groups.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

describe('Groups domain events: meetings and join requests', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let fern: TestUser;
  let group: GroupCard;
  let recorder: ReturnType<typeof recordDomainEvents>;

  beforeEach(async () => {
    t = await createTestApp();
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    fern = await registerUser(t);
    group = await createGroup(t, facilitator, { name: 'Berlin circle', timezone: 'Europe/Berlin' });
    t.clock.set('2026-10-14T08:00:00Z');
    recorder = recordDomainEvents(t);
  });

  afterEach(async () => {
    recorder.stop();
    await t.close();
  });

  const meetings = `/api/groups/:id/meetings`;
  const path = (suffix = '') => meetings.replace(':id', group.id) + suffix;

  it('announces a meeting scheduled, changed, an occurrence cancelled and the series cancelled, after commit', async () => {
    const created = await t
      .request()
      .post(path())
      .set('Authorization', facilitator.auth)
      .send({
        title: 'Weekly circle',
        startsAt: '2026-10-19T19:00:00+02:00',
        durationMinutes: 90,
        recurrence: 'weekly',
      })
      .expect(201);
    const id = created.body.id as string;
    expect(recorder.of(GroupEvents.meetingScheduled)).toEqual([
      expect.objectContaining({
        groupId: group.id,
        meetingId: id,
        startsAt: '2026-10-19T17:00:00.000Z',
        recurrence: 'weekly',
        by: facilitator.id,
      }),
    ]);

    await t
      .request()
      .patch(path(`/${id}`))
      .set('Authorization', facilitator.auth)
      .send({ title: 'Weekly circle', startsAt: '2026-10-19T19:30:00+02:00' })
      .expect(200);
    // Only what really changed is named.
    expect(recorder.of(GroupEvents.meetingChanged)).toEqual([
      expect.objectContaining({ meetingId: id, fields: ['startsAt'], startsAt: '2026-10-19T17:30:00.000Z' }),
    ]);
    await t
      .request()
      .patch(path(`/${id}`))
      .set('Authorization', facilitator.auth)
      .send({ title: 'Weekly circle' });
    expect(recorder.of(GroupEvents.meetingChanged)).toHaveLength(1);

    const occurrence = '2026-10-26T18:30:00.000Z';
    await t
      .request()
      .delete(path(`/${id}?occurrence=${occurrence}`))
      .set('Authorization', facilitator.auth)
      .expect(204);
    await t
      .request()
      .delete(path(`/${id}?occurrence=${occurrence}`))
      .set('Authorization', facilitator.auth)
      .expect(204);
    await t
      .request()
      .delete(path(`/${id}`))
      .set('Authorization', facilitator.auth)
      .expect(204);
    expect(recorder.of(GroupEvents.meetingCancelled)).toEqual([
      expect.objectContaining({ meetingId: id, occurrence, by: facilitator.id }),
      expect.objectContaining({ meetingId: id, occurrence: null, by: facilitator.id }),
    ]);
    expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
  });

  it('announces nothing for a refused change', async () => {
    await t
      .request()
      .post(path())
      .set('Authorization', fern.auth)
      .send({ title: 'Mine', startsAt: '2026-10-19T19:00:00+02:00', durationMinutes: 60 })
      .expect(403);
    expect(recorder.events).toEqual([]);
  });

  it('announces a join request to the facilitators’ side, once', async () => {
    const created = await t
      .request()
      .post(`/api/groups/${group.id}/join-requests`)
      .set('Authorization', fern.auth)
      .send({ pseudonym: 'Fern', message: 'Hello' })
      .expect(201);
    await t
      .request()
      .post(`/api/groups/${group.id}/join-requests`)
      .set('Authorization', fern.auth)
      .send({ pseudonym: 'Fern' })
      .expect(409);
    expect(recorder.of(GroupEvents.joinRequestCreated)).toEqual([
      { groupId: group.id, requestId: created.body.id, userId: fern.id, pseudonym: 'Fern' },
    ]);
    expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
  });
});
