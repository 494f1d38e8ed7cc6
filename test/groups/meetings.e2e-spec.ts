import ICAL from 'ical.js';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, createInvite, redeem, type GroupCard } from '../support/groups.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

describe('Meetings', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp();
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    member = await registerUser(t);
    outsider = await registerUser(t);
    group = await createGroup(t, facilitator, { name: 'Berlin circle', timezone: 'Europe/Berlin' });
    await addActiveMember(t, facilitator, group.id, member, 'Wren');
    // Mid-October 2026, before the clocks go back in Europe (25 October).
    t.clock.set('2026-10-14T08:00:00Z');
    await renewAll();
  });

  afterEach(async () => {
    await t.close();
  });

  async function renewAll() {
    const { renew } = await import('../support/users.js');
    for (const user of [facilitator, member, outsider]) await renew(t, user);
  }

  const schedule = (body: Record<string, unknown>, by: TestUser = facilitator) =>
    t.request().post(`/api/groups/${group.id}/meetings`).set('Authorization', by.auth).send(body);

  const weekly = {
    title: 'Weekly circle',
    startsAt: '2026-10-19T19:00:00+02:00',
    durationMinutes: 90,
    location: 'Room 2',
    videoUrl: 'https://meet.example.org/circle',
    recurrence: 'weekly',
    recurrenceEndsAt: '2026-11-30T23:59:59+01:00',
  };

  describe('Schedule - POST /api/groups/:id/meetings', () => {
    it('requires authentication', async () => {
      await t.request().post(`/api/groups/${group.id}/meetings`).send(weekly).expect(401);
    });

    it('is for facilitators only', async () => {
      await schedule(weekly, member).expect(403);
    });

    it('keeps a weekly meeting at 19:00 Berlin time across the daylight-saving change', async () => {
      const created = await schedule(weekly).expect(201);
      expect(created.body).toMatchObject({
        title: 'Weekly circle',
        startsAt: '2026-10-19T17:00:00.000Z',
        startsAtLocal: '2026-10-19T19:00:00+02:00',
        timezone: 'Europe/Berlin',
        recurrence: 'weekly',
      });
      expect(created.body.upcoming.slice(0, 3)).toEqual([
        '2026-10-19T17:00:00.000Z',
        '2026-10-26T18:00:00.000Z',
        '2026-11-02T18:00:00.000Z',
      ]);
      expect(created.body.upcoming.at(-1)).toBe('2026-11-30T18:00:00.000Z');
    });

    it.each([
      [{ ...weekly, startsAt: '2026-10-19 19:00' }, 'startsAt'],
      [{ ...weekly, startsAt: '2026-10-19T19:00:00' }, 'startsAt'],
      [{ ...weekly, durationMinutes: 5 }, 'durationMinutes'],
      [{ ...weekly, videoUrl: 'http://insecure.example.org' }, 'videoUrl'],
      [{ ...weekly, videoUrl: 'javascript:alert(1)' }, 'videoUrl'],
      [{ ...weekly, recurrence: 'daily' }, 'recurrence'],
      [{ ...weekly, recurrenceEndsAt: '2026-01-01T00:00:00Z' }, 'recurrenceEndsAt'],
      [{ ...weekly, recurrence: undefined }, 'recurrenceEndsAt'],
      [{ ...weekly, title: '' }, 'title'],
    ])('refuses %j', async (body, field) => {
      const response = await schedule(body).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('List, change and cancel - /api/groups/:id/meetings/:meetingId', () => {
    it('requires authentication', async () => {
      await t.request().get(`/api/groups/${group.id}/meetings`).expect(401);
    });

    it('lists meetings to members only', async () => {
      await schedule(weekly).expect(201);
      const list = await t
        .request()
        .get(`/api/groups/${group.id}/meetings`)
        .set('Authorization', member.auth)
        .expect(200);
      expect(list.body).toHaveLength(1);
      await t
        .request()
        .get(`/api/groups/${group.id}/meetings`)
        .set('Authorization', outsider.auth)
        .expect(403);
    });

    it('shows the next meeting on the group card to its members only, as the list is', async () => {
      await schedule(weekly).expect(201);
      const card = (user: TestUser) =>
        t.request().get(`/api/groups/${group.id}`).set('Authorization', user.auth).expect(200);
      expect((await card(member)).body.nextMeeting).toMatchObject({ title: 'Weekly circle' });
      expect((await card(outsider)).body.nextMeeting).toBeNull();
      const discover = await t
        .request()
        .get('/api/groups?scope=discover')
        .set('Authorization', outsider.auth)
        .expect(200);
      const listed = discover.body.find((g: { id: string }) => g.id === group.id);
      expect(listed).toMatchObject({ name: 'Berlin circle', nextMeeting: null });
    });

    it('cancels one occurrence, which disappears from listings', async () => {
      const { id } = (await schedule(weekly).expect(201)).body;
      await t
        .request()
        .delete(`/api/groups/${group.id}/meetings/${id}?occurrence=2026-10-26T18:00:00.000Z`)
        .set('Authorization', facilitator.auth)
        .expect(204);
      const [meeting] = (
        await t.request().get(`/api/groups/${group.id}/meetings`).set('Authorization', member.auth)
      ).body;
      expect(meeting.cancelledOccurrences).toEqual(['2026-10-26T18:00:00.000Z']);
      expect(meeting.upcoming.slice(0, 2)).toEqual(['2026-10-19T17:00:00.000Z', '2026-11-02T18:00:00.000Z']);
      await t
        .request()
        .delete(`/api/groups/${group.id}/meetings/${id}?occurrence=2026-10-26T17:00:00.000Z`)
        .set('Authorization', facilitator.auth)
        .expect(404);
    });

    it('changes and deletes a meeting; members cannot', async () => {
      const { id } = (await schedule(weekly).expect(201)).body;
      await t
        .request()
        .patch(`/api/groups/${group.id}/meetings/${id}`)
        .set('Authorization', member.auth)
        .send({ title: 'Mine' })
        .expect(403);
      const changed = await t
        .request()
        .patch(`/api/groups/${group.id}/meetings/${id}`)
        .set('Authorization', facilitator.auth)
        .send({ title: 'Tuesday circle', startsAt: '2026-10-20T18:30:00+02:00' })
        .expect(200);
      expect(changed.body).toMatchObject({
        title: 'Tuesday circle',
        startsAtLocal: '2026-10-20T18:30:00+02:00',
      });
      await t
        .request()
        .delete(`/api/groups/${group.id}/meetings/${id}`)
        .set('Authorization', facilitator.auth)
        .expect(204);
      const list = await t
        .request()
        .get(`/api/groups/${group.id}/meetings`)
        .set('Authorization', member.auth)
        .expect(200);
      expect(list.body).toEqual([]);
    });

    it('shows the next meeting on the group card', async () => {
      await schedule(weekly).expect(201);
      const card = await t
        .request()
        .get(`/api/groups/${group.id}`)
        .set('Authorization', member.auth)
        .expect(200);
      expect(card.body.nextMeeting).toMatchObject({
        title: 'Weekly circle',
        startsAt: '2026-10-19T17:00:00.000Z',
        startsAtLocal: '2026-10-19T19:00:00+02:00',
      });
    });
  });

  describe('My meetings - GET /api/me/meetings', () => {
    it('requires authentication', async () => {
      await t.request().get('/api/me/meetings').expect(401);
    });

    it('lists my upcoming meetings across groups in UTC and in each group’s time zone', async () => {
      await schedule(weekly).expect(201);
      const other = await createGroup(t, facilitator, {
        name: 'New York circle',
        timezone: 'America/New_York',
      });
      await addActiveMember(t, facilitator, other.id, member, 'Wren');
      await t
        .request()
        .post(`/api/groups/${other.id}/meetings`)
        .set('Authorization', facilitator.auth)
        .send({ title: 'One-off', startsAt: '2026-10-20T12:00:00-04:00', durationMinutes: 60 })
        .expect(201);

      const response = await t
        .request()
        .get('/api/me/meetings?days=14')
        .set('Authorization', member.auth)
        .expect(200);
      expect(
        response.body.map((o: { groupName: string; startsAt: string; startsAtLocal: string }) => [
          o.groupName,
          o.startsAt,
          o.startsAtLocal,
        ]),
      ).toEqual([
        ['Berlin circle', '2026-10-19T17:00:00.000Z', '2026-10-19T19:00:00+02:00'],
        ['New York circle', '2026-10-20T16:00:00.000Z', '2026-10-20T12:00:00-04:00'],
        ['Berlin circle', '2026-10-26T18:00:00.000Z', '2026-10-26T19:00:00+01:00'],
      ]);
      const outsiders = await t
        .request()
        .get('/api/me/meetings')
        .set('Authorization', outsider.auth)
        .expect(200);
      expect(outsiders.body).toEqual([]);
    });

    it('says which occurrences belong to a series, and shows the video link to active members only', async () => {
      await schedule(weekly).expect(201);
      await schedule({
        title: 'One-off',
        startsAt: '2026-10-21T19:00:00+02:00',
        durationMinutes: 60,
        videoUrl: 'https://meet.example.org/once',
      }).expect(201);
      const joining = await registerUser(t);
      const invite = await createInvite(t, facilitator, group.id);
      expect((await redeem(t, joining, invite.code, 'Sage')).status).toBe(200);
      const listed = async (user: TestUser) =>
        (
          await t.request().get('/api/me/meetings?days=8').set('Authorization', user.auth).expect(200)
        ).body.map((o: { title: string; recurrence: string | null; videoUrl: string | null }) => [
          o.title,
          o.recurrence,
          o.videoUrl,
        ]);
      expect(await listed(member)).toEqual([
        ['Weekly circle', 'weekly', 'https://meet.example.org/circle'],
        ['One-off', null, 'https://meet.example.org/once'],
      ]);
      // Invited, the agreement not yet accepted: the times, but not the way in.
      expect(await listed(joining)).toEqual([
        ['Weekly circle', 'weekly', null],
        ['One-off', null, null],
      ]);
      // Nor does her calendar feed carry it.
      const feedOf = async (user: TestUser) => {
        const { body } = await t
          .request()
          .post('/api/me/calendar-token')
          .set('Authorization', user.auth)
          .expect(200);
        return (await t.request().get(body.path).expect(200)).text;
      };
      expect(await feedOf(member)).toContain('meet.example.org');
      const pendingFeed = await feedOf(joining);
      expect(pendingFeed).toContain('One-off');
      expect(pendingFeed).not.toContain('meet.example.org');
    });

    it.each(['0', '366', 'abc', '-1'])('refuses days=%s', async (days) => {
      await t.request().get(`/api/me/meetings?days=${days}`).set('Authorization', member.auth).expect(400);
    });
  });

  describe('Calendar feed - POST /api/me/calendar-token, GET /api/me/calendar.ics', () => {
    it('requires authentication to issue a token', async () => {
      await t.request().post('/api/me/calendar-token').expect(401);
    });

    it('serves valid iCalendar with the weekly recurrence, its end, time zone and cancellations', async () => {
      const { id } = (await schedule(weekly).expect(201)).body;
      await t
        .request()
        .delete(`/api/groups/${group.id}/meetings/${id}?occurrence=2026-11-09T18:00:00.000Z`)
        .set('Authorization', facilitator.auth)
        .expect(204);
      const { body: issued } = await t
        .request()
        .post('/api/me/calendar-token')
        .set('Authorization', member.auth)
        .expect(200);
      expect(issued.path).toBe(`/api/me/calendar.ics?token=${issued.token}`);

      const feed = await t.request().get(issued.path).expect(200);
      expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(feed.text));
      const zone = calendar.getFirstSubcomponent('vtimezone');
      expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
      ICAL.TimezoneService.register(zone!);
      const events = calendar.getAllSubcomponents('vevent');
      expect(events).toHaveLength(1);
      const event = new ICAL.Event(events[0]);
      expect(event.summary).toBe('Weekly circle · Berlin circle');
      expect(event.location).toBe('Room 2');
      expect(event.isRecurring()).toBe(true);
      const rule = events[0].getFirstPropertyValue('rrule') as ICAL.Recur;
      expect(rule.freq).toBe('WEEKLY');
      expect(rule.until).toBeTruthy();
      // Calendar apps remind a day and an hour before, on their own.
      const alarms = events[0].getAllSubcomponents('valarm');
      expect(alarms.map((alarm) => String(alarm.getFirstPropertyValue('trigger')))).toEqual([
        '-P1D',
        '-PT1H',
      ]);
      expect(alarms.map((alarm) => alarm.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);

      const iterator = event.iterator();
      const starts: string[] = [];
      for (let next = iterator.next(); next && starts.length < 10; next = iterator.next()) {
        starts.push(next.toJSDate().toISOString());
      }
      // EXDATE removes 9 November; the series ends on 30 November; the DST change keeps 19:00 local.
      expect(starts).toEqual([
        '2026-10-19T17:00:00.000Z',
        '2026-10-26T18:00:00.000Z',
        '2026-11-02T18:00:00.000Z',
        '2026-11-16T18:00:00.000Z',
        '2026-11-23T18:00:00.000Z',
        '2026-11-30T18:00:00.000Z',
      ]);
    });

    it('stops serving the old token after rotation, and never serves an unknown one', async () => {
      const first = (await t.request().post('/api/me/calendar-token').set('Authorization', member.auth)).body;
      const second = (await t.request().post('/api/me/calendar-token').set('Authorization', member.auth))
        .body;
      await t.request().get(first.path).expect(404);
      await t.request().get(second.path).expect(200);
      await t.request().get('/api/me/calendar.ics?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
      await t.request().get('/api/me/calendar.ics').expect(400);
      await t.request().get('/api/me/calendar.ics?token=../../etc').expect(400);
    });

    it('contains only the meetings of my own groups', async () => {
      await schedule(weekly).expect(201);
      const { path } = (await t.request().post('/api/me/calendar-token').set('Authorization', outsider.auth))
        .body;
      const feed = await t.request().get(path).expect(200);
      expect(feed.text).not.toContain('VEVENT');
    });
  });
});
