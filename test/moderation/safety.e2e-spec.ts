import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until } from '../support/sockets.js';
import { createAccount, registerUser, renew, type TestUser } from '../support/users.js';
import { groupApi, inRoom, said, say, settle } from './support.js';

describe('Reports, crisis response and the queue', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let otherFacilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '1000', CRISIS_ESCALATION_MINUTES: '10' } });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    otherFacilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    ash = await registerUser(t);
    group = await createGroup(t, facilitator, { name: 'Postpartum circle' });
    await createGroup(t, otherFacilitator, { name: 'Elsewhere' });
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
  });

  afterEach(async () => {
    await t.close();
  });

  const api = groupApi(() => ({ t, groupId: group.id }));

  describe('Report a message - POST /api/groups/:id/messages/:messageId/reports', () => {
    it('requires authentication', async () => {
      await t
        .request()
        .post(`/api/groups/${group.id}/messages/8d3a3f8e-1111-4a4a-9b9b-123456789abc/reports`)
        .send({ reason: 'spam' })
        .expect(401);
    });

    it('goes live to this group’s online facilitators only, then to the queue, then is resolved and audited', async () => {
      const member = await inRoom(t, wren, group.id);
      const fac = await connect(t, facilitator);
      const elsewhere = await connect(t, otherFacilitator);
      const facReports = collect(fac, 'moderation:report');
      const otherReports = collect(elsewhere, 'moderation:report');
      const memberReports = collect(member, 'moderation:report');
      const message = await said(member, group.id, 'you are all fake');

      const report = await api(ash)
        .post(`/messages/${message.id}/reports`, { reason: 'harassment', note: 'Felt targeted' })
        .expect(201);
      await until(() => facReports.length === 1, 'live report');
      expect(facReports[0]).toEqual({
        groupId: group.id,
        kind: 'report',
        itemId: report.body.id,
        messageId: message.id,
        reason: 'harassment',
      });
      expect(JSON.stringify(facReports[0])).not.toContain(ash.id);
      await settle();
      expect(otherReports).toEqual([]);
      expect(memberReports).toEqual([]);

      await api(ash).post(`/messages/${message.id}/reports`, { reason: 'spam' }).expect(409);
      await api(wren).post(`/messages/${message.id}/reports`, { reason: 'spam' }).expect(409);

      const queue = await api(facilitator).get('/moderation/queue').expect(200);
      expect(queue.body).toEqual([
        expect.objectContaining({
          kind: 'report',
          id: report.body.id,
          reason: 'harassment',
          note: 'Felt targeted',
          message: expect.objectContaining({ body: 'you are all fake' }),
        }),
      ]);
      await api(otherFacilitator).get('/moderation/queue').expect(403);
      await api(ash).get('/moderation/queue').expect(403);
      const all = await t
        .request()
        .get('/api/admin/moderation/queue')
        .set('Authorization', admin.auth)
        .expect(200);
      expect(all.body.map((i: { id: string }) => i.id)).toContain(report.body.id);

      await api(facilitator)
        .post(`/moderation/reports/${report.body.id}/resolve`, {
          outcome: 'member_warned',
          note: 'Talked with Wren',
        })
        .expect(200);
      expect((await api(facilitator).get('/moderation/queue').expect(200)).body).toEqual([]);
      await api(facilitator)
        .post(`/moderation/reports/${report.body.id}/resolve`, { outcome: 'dismissed' })
        .expect(409);
      const audit = await api(facilitator).get('/audit').expect(200);
      expect(audit.body.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['report.created', 'report.resolved']),
      );
    });

    it.each([[{}], [{ reason: 'rude' }], [{ reason: 'spam', note: 'x'.repeat(1001) }]])(
      'refuses %j',
      async (body) => {
        const member = await inRoom(t, wren, group.id);
        const message = await said(member, group.id, 'hi');
        await api(ash).post(`/messages/${message.id}/reports`, body).expect(400);
      },
    );
  });

  describe('Crisis response', () => {
    it('posts the message, sends the author resources, alerts facilitators, and opens an incident', async () => {
      const member = await inRoom(t, wren, group.id);
      const peer = await inRoom(t, ash, group.id);
      const fac = await connect(t, facilitator);
      const elsewhere = await connect(t, otherFacilitator);
      const resources = collect(member, 'safety:resources');
      const peerResources = collect(peer, 'safety:resources');
      const alerts = collect(fac, 'safety:alert');
      const otherAlerts = collect(elsewhere, 'safety:alert');
      const peerInbox = collect(peer, 'message:new');

      const ack = await say(member, group.id, 'I honestly want to die, I cannot do this anymore');
      expect(ack).toMatchObject({ ok: true, message: { status: 'visible' } });
      await until(
        () => peerInbox.length === 1 && resources.length === 1 && alerts.length === 1,
        'crisis response',
      );

      expect(resources[0].groupId).toBe(group.id);
      expect(resources[0].country).toBe('US');
      const text = JSON.stringify(resources[0].resources);
      expect(text).toContain('988');
      expect(text).toContain('1-800-944-4773');
      expect(text).toContain('emergency');
      expect(alerts[0]).toMatchObject({
        groupId: group.id,
        groupName: 'Postpartum circle',
        pseudonym: 'Wren',
        source: 'detector',
        category: 'suicide',
        escalated: false,
      });
      await settle();
      expect(peerResources).toEqual([]);
      expect(otherAlerts).toEqual([]);

      const incidents = await api(facilitator).get('/moderation/incidents').expect(200);
      expect(incidents.body).toEqual([
        expect.objectContaining({ status: 'open', category: 'suicide', subjectUserId: wren.id }),
      ]);
      const queue = await api(facilitator).get('/moderation/queue').expect(200);
      expect(queue.body.map((i: { kind: string }) => i.kind)).toEqual(['incident']);
    });

    describe('risk tiers and the writer’s language', () => {
      async function crisisIn(text: string) {
        const member = await inRoom(t, wren, group.id);
        const fac = await connect(t, facilitator);
        const resources = collect(member, 'safety:resources');
        const reached = collect(member, 'safety:reached');
        const alerts = collect(fac, 'safety:alert');
        const ack = await say(member, group.id, text);
        expect(ack).toMatchObject({ ok: true });
        await until(() => resources.length === 1 && alerts.length === 1, 'crisis response');
        // Her facilitator is online: she hears that someone was reached, after her resources.
        await until(() => reached.length === 1, 'told that a facilitator knows');
        const incidents = await api(facilitator).get('/moderation/incidents').expect(200);
        return {
          resources: resources[0],
          reached: reached[0],
          alert: alerts[0],
          incident: incidents.body[0],
        };
      }

      it('urgent: a plan with means and a time; resources, alert and incident say so, escalation at 10 minutes', async () => {
        const { resources, reached, alert, incident } = await crisisIn(
          'I have pills saved and I am going to take them all tonight',
        );
        expect(resources).toMatchObject({
          tier: 'urgent',
          language: 'en',
          told: false,
          facilitatorsNextAt: null,
        });
        expect(resources.message).not.toContain('told');
        expect(resources.message).toContain('please reach out now');
        expect(resources.toldMessage).toContain('We are letting your group’s facilitators know');
        expect(reached).toEqual({ groupId: group.id, message: 'A facilitator has been told.' });
        expect(JSON.stringify(resources.resources)).toContain('988');
        expect(alert).toMatchObject({ tier: 'urgent', category: 'suicide', pseudonym: 'Wren' });
        expect(incident).toMatchObject({ tier: 'urgent', category: 'suicide', status: 'open' });
        const { IncidentsService } = await import('@hearth/moderation');
        t.clock.advance(11 * 60_000);
        expect(await t.app.get(IncidentsService).escalateOverdue()).toBe(1);
      });

      it('concern: passive ideation; marked concern everywhere, and it reaches admins after 60 minutes, not 10', async () => {
        const { resources, alert, incident } = await crisisIn(
          'honestly everyone would be better off without me',
        );
        expect(resources).toMatchObject({ tier: 'concern', language: 'en' });
        // A concern's own, gentler word: the lines are there to talk; to call now if it turns into a plan.
        expect(resources.message).toContain('The lines below are there to talk');
        expect(resources.message).not.toContain('please reach out now');
        expect(alert).toMatchObject({ tier: 'concern', category: 'suicide' });
        expect(incident).toMatchObject({ tier: 'concern' });
        const { IncidentsService } = await import('@hearth/moderation');
        const incidents = t.app.get(IncidentsService);
        t.clock.advance(11 * 60_000);
        expect(await incidents.escalateOverdue()).toBe(0);
        t.clock.advance(50 * 60_000);
        expect(await incidents.escalateOverdue()).toBe(1);
      });

      it('Spanish: the writer gets the message and the built-in resources in Spanish', async () => {
        const { resources, reached, alert } = await crisisIn(
          'ya no quiero vivir, todos estarían mejor sin mí',
        );
        expect(resources).toMatchObject({ language: 'es', tier: 'concern', told: false });
        expect(resources.toldMessage).toContain('Estamos avisando');
        expect(reached.message).toBe('Ya avisamos a una persona facilitadora.');
        expect(resources.message).toContain('no tienes que cargarlo a solas');
        const text = JSON.stringify(resources.resources);
        expect(text).toContain('AYUDA');
        expect(text).toContain('español');
        expect(alert.tier).toBe('concern');
      });

      it('intrusive thoughts the writer fears get their own gentle wording', async () => {
        const { resources, alert } = await crisisIn(
          'i keep picturing dropping the baby down the stairs and it terrifies me',
        );
        expect(resources.message).toContain('common after birth');
        expect(resources.message).toContain('Postpartum Support International');
        expect(alert).toMatchObject({ category: 'harm_to_baby', tier: 'concern' });
      });

      it('GET /api/me/moderation/crisis-resources answers in Spanish when asked, and refuses other languages', async () => {
        const es = await t
          .request()
          .get('/api/me/moderation/crisis-resources?language=es')
          .set('Authorization', wren.auth)
          .expect(200);
        expect(JSON.stringify(es.body.resources)).toContain('AYUDA');
        const bad = await t
          .request()
          .get('/api/me/moderation/crisis-resources?language=fr')
          .set('Authorization', wren.auth)
          .expect(400);
        expect(bad.body.details?.[0]?.field).toBe('language');
      });
    });

    it('still cares for a muted member in crisis, though the message is not posted', async () => {
      const member = await inRoom(t, wren, group.id);
      const fac = await connect(t, facilitator);
      const resources = collect(member, 'safety:resources');
      const alerts = collect(fac, 'safety:alert');
      await api(facilitator).post('/moderation/mutes', { userId: wren.id, minutes: 60 }).expect(201);
      expect(await say(member, group.id, 'I want to hurt myself')).toMatchObject({
        ok: false,
        error: { code: 'MUTED' },
      });
      await until(() => resources.length === 1 && alerts.length === 1, 'care despite mute');
      expect(alerts[0].category).toBe('self_harm');
    });

    it('is never held or word-filtered', async () => {
      await t
        .request()
        .post('/api/admin/blocked-terms')
        .set('Authorization', admin.auth)
        .send({ term: 'hell', action: 'block' })
        .expect(201);
      await t
        .request()
        .put(`/api/groups/${group.id}/moderation/mode`)
        .set('Authorization', facilitator.auth)
        .send({ mode: 'open', premoderateDays: 30 })
        .expect(200);
      const member = await inRoom(t, wren, group.id);
      expect(await say(member, group.id, 'this is hell')).toMatchObject({
        ok: false,
        error: { code: 'BLOCKED' },
      });
      expect(await say(member, group.id, 'an ordinary message')).toMatchObject({
        ok: true,
        message: { status: 'held' },
      });
      expect(await say(member, group.id, 'this is hell and I want to end my life')).toMatchObject({
        ok: true,
        message: { status: 'visible' },
      });
    });

    it('escalates to admins when nobody acknowledges it in time', async () => {
      const member = await inRoom(t, wren, group.id);
      const adminSocket = await connect(t, admin);
      const adminAlerts = collect(adminSocket, 'safety:alert');
      await say(member, group.id, 'I keep thinking about suicide');
      const { IncidentsService } = await import('@hearth/moderation');
      const incidents = t.app.get(IncidentsService);

      t.clock.advance(9 * 60_000);
      expect(await incidents.escalateOverdue()).toBe(0);
      t.clock.advance(2 * 60_000);
      expect(await incidents.escalateOverdue()).toBe(1);
      await until(() => adminAlerts.length === 1, 'escalation');
      expect(adminAlerts[0]).toMatchObject({ escalated: true, category: 'suicide' });
      await renew(t, facilitator);
      const list = await api(facilitator).get('/moderation/incidents').expect(200);
      expect(list.body[0].escalatedAt).toBeTruthy();
      expect(await incidents.escalateOverdue()).toBe(0);
    });

    it('greets staff with what waits for them until it is acknowledged, and measures how long that took', async () => {
      const waiting = (user: TestUser) =>
        t.request().get('/api/me/moderation/open-incidents').set('Authorization', user.auth).expect(200);
      const member = await inRoom(t, wren, group.id);
      await say(member, group.id, 'I keep thinking about suicide');
      const [card] = (await waiting(facilitator)).body;
      expect(card).toMatchObject({ groupId: group.id, pseudonym: 'Wren', tier: 'urgent', escalated: false });
      expect(JSON.stringify(card)).not.toContain(wren.email);
      expect((await waiting(otherFacilitator)).body).toEqual([]);
      expect((await waiting(ash)).body).toEqual([]);
      // A facilitator who leads no group yet waits for nothing: her empty list of groups matched every incident of
      // the instance, whatever its group or status.
      const newcomer = await createAccount(t, admin, 'facilitator');
      expect((await waiting(newcomer)).body).toEqual([]);
      // Admins see it once it escalated.
      expect((await waiting(admin)).body).toEqual([]);
      const { IncidentsService } = await import('@hearth/moderation');
      t.clock.advance(61 * 60_000);
      expect(await t.app.get(IncidentsService).escalateOverdue()).toBe(1);
      await renew(t, admin);
      await renew(t, facilitator);
      expect((await waiting(admin)).body).toEqual([
        expect.objectContaining({ incidentId: card.incidentId, escalated: true }),
      ]);

      await api(facilitator)
        .post(`/moderation/incidents/${card.incidentId}/acknowledge`, { note: 'Reached her by phone' })
        .expect(200);
      expect((await waiting(facilitator)).body).toEqual([]);
      expect((await waiting(admin)).body).toEqual([]);
      await renew(t, newcomer);
      expect((await waiting(newcomer)).body).toEqual([]);
      const times = await api(facilitator).get('/moderation/incident-response').expect(200);
      expect(times.body).toEqual({
        days: 30,
        incidents: 1,
        answered: 1,
        unanswered: 0,
        medianSeconds: expect.any(Number),
        worstSeconds: expect.any(Number),
      });
      expect(times.body.worstSeconds).toBeGreaterThanOrEqual(61 * 60);
      await renew(t, ash);
      await api(ash).get('/moderation/incident-response').expect(403);
    });

    it('does not escalate an acknowledged incident; the note records what was done', async () => {
      const member = await inRoom(t, wren, group.id);
      await say(member, group.id, 'I started cutting myself again');
      const [incident] = (await api(facilitator).get('/moderation/incidents').expect(200)).body;
      await api(ash).post(`/moderation/incidents/${incident.id}/acknowledge`, { note: 'x' }).expect(403);
      await api(facilitator).post(`/moderation/incidents/${incident.id}/acknowledge`, {}).expect(400);
      await api(facilitator)
        .post(`/moderation/incidents/${incident.id}/acknowledge`, {
          note: 'Called Wren; she is safe with her partner tonight',
        })
        .expect(200);
      const { IncidentsService } = await import('@hearth/moderation');
      t.clock.advance(60 * 60_000);
      expect(await t.app.get(IncidentsService).escalateOverdue()).toBe(0);
      await renew(t, facilitator);
      const [after] = (await api(facilitator).get('/moderation/incidents').expect(200)).body;
      expect(after).toMatchObject({
        status: 'acknowledged',
        escalatedAt: null,
        notes: [expect.objectContaining({ note: 'Called Wren; she is safe with her partner tonight' })],
      });
      await api(facilitator)
        .post(`/moderation/incidents/${incident.id}/resolve`, { note: 'Followed up next day' })
        .expect(200);
      await api(facilitator)
        .post(`/moderation/incidents/${incident.id}/resolve`, { note: 'again' })
        .expect(409);
    });

    it('opens an incident when a member reports a crisis concern', async () => {
      const member = await inRoom(t, wren, group.id);
      const fac = await connect(t, facilitator);
      const alerts = collect(fac, 'safety:alert');
      // Words the detector leaves alone (short, with no crisis word in them), but that worry a peer who knows her.
      const message = await said(member, group.id, 'Going quiet for a bit, it feels lighter');
      await settle();
      expect(alerts).toEqual([]);
      await api(ash).post(`/messages/${message.id}/reports`, { reason: 'crisis_concern' }).expect(201);
      await until(() => alerts.length === 1, 'report alert');
      expect(alerts[0]).toMatchObject({
        source: 'report',
        category: 'crisis_concern',
        messageId: message.id,
      });
    });

    it('uses the group’s own crisis resources when it has them', async () => {
      await t
        .request()
        .put(`/api/groups/${group.id}/crisis-resources`)
        .set('Authorization', facilitator.auth)
        .send({
          country: 'DE',
          resources: [{ name: 'Telefonseelsorge', description: 'Rund um die Uhr', phone: '0800 111 0 111' }],
        })
        .expect(200);
      const member = await inRoom(t, wren, group.id);
      const resources = collect(member, 'safety:resources');
      await say(member, group.id, 'Ich will nicht mehr... I want to die');
      await until(() => resources.length === 1, 'resources');
      expect(resources[0]).toMatchObject({ country: 'DE', resources: [{ name: 'Telefonseelsorge' }] });
      await t
        .request()
        .put(`/api/groups/${group.id}/crisis-resources`)
        .set('Authorization', wren.auth)
        .send({ country: 'DE', resources: [] })
        .expect(403);
      await t
        .request()
        .put(`/api/groups/${group.id}/crisis-resources`)
        .set('Authorization', facilitator.auth)
        .send({ country: 'Germany', resources: [] })
        .expect(400);
    });
  });

  describe('Blocked terms', () => {
    it('blocks, holds or flags by the term’s action, platform-wide and per group', async () => {
      await t
        .request()
        .post('/api/admin/blocked-terms')
        .set('Authorization', admin.auth)
        .send({ term: 'idiot', action: 'block' })
        .expect(201);
      await t
        .request()
        .post('/api/admin/blocked-terms')
        .set('Authorization', wren.auth)
        .send({ term: 'x', action: 'block' })
        .expect(403);
      await api(facilitator).post('/blocked-terms', { term: 'microdose', action: 'hold' }).expect(201);
      await api(facilitator).post('/blocked-terms', { term: 'dosage', action: 'flag' }).expect(201);
      await api(facilitator).post('/blocked-terms', { term: 'Dosage', action: 'block' }).expect(409);
      await api(wren).post('/blocked-terms', { term: 'x', action: 'block' }).expect(403);

      const member = await inRoom(t, wren, group.id);
      const fac = await connect(t, facilitator);
      const reports = collect(fac, 'moderation:report');
      expect(await say(member, group.id, 'you i.d.i.o.t')).toMatchObject({
        ok: false,
        error: { code: 'BLOCKED', details: { terms: ['idiot'] } },
      });
      expect(await say(member, group.id, 'should I microdose?')).toMatchObject({
        ok: true,
        message: { status: 'held' },
      });
      expect(await say(member, group.id, 'what dosage did you get')).toMatchObject({
        ok: true,
        message: { status: 'visible' },
      });
      expect(
        await say(member, group.id, 'idiotic is fine as a word, as is microdosing research'),
      ).toMatchObject({ ok: true, message: { status: 'visible' } });
      await until(() => reports.length === 2, 'held and flag reports');
      expect(reports.map((r) => r.kind).sort()).toEqual(['flag', 'held']);
      const queue = await api(facilitator).get('/moderation/queue').expect(200);
      expect(queue.body.map((i: { kind: string }) => i.kind).sort()).toEqual(['held', 'report']);

      const terms = await api(facilitator).get('/blocked-terms').expect(200);
      const dosage = terms.body.find((term: { term: string }) => term.term === 'dosage');
      await t
        .request()
        .delete(`/api/groups/${group.id}/blocked-terms/${dosage.id}`)
        .set('Authorization', facilitator.auth)
        .expect(204);
      expect(await say(member, group.id, 'the dosage question again')).toMatchObject({ ok: true });
      const flagsAfter = (await api(facilitator).get('/moderation/queue').expect(200)).body.filter(
        (i: { kind: string }) => i.kind === 'report',
      );
      expect(flagsAfter).toHaveLength(1);
    });
  });
});
