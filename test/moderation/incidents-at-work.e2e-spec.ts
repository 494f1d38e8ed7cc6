import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';
import { groupApi, inRoom, said } from './support.js';

/** What a facilitator does from a message, and what incidents and the audit log say of who and what. */
describe('Facilitators at work: incidents about messages, incidents and audit in words', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let otherFacilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '1000' } });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    otherFacilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    ash = await registerUser(t);
    group = await createGroup(t, facilitator, { name: 'Postpartum circle', facilitatorPseudonym: 'Fern' });
    await createGroup(t, otherFacilitator, { name: 'Elsewhere' });
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
  });

  afterEach(async () => {
    await t.close();
  });

  const api = groupApi(() => ({ t, groupId: group.id }));

  describe('Open an incident about a message - POST /api/groups/:id/moderation/incidents', () => {
    it('requires authentication', async () => {
      await t
        .request()
        .post(`/api/groups/${group.id}/moderation/incidents`)
        .send({ messageId: '8d3a3f8e-1111-4a4a-9b9b-123456789abc', tier: 'concern' })
        .expect(401);
    });

    it('is for this group’s facilitators: members and other groups’ facilitators are refused', async () => {
      const socket = await inRoom(t, wren, group.id);
      const message = await said(socket, group.id, 'Going quiet for a bit, it feels lighter');
      socket.disconnect();
      const body = { messageId: message.id, tier: 'concern' };
      await api(ash).post('/moderation/incidents', body).expect(403);
      await api(otherFacilitator).post('/moderation/incidents', body).expect(403);
      await api(facilitator)
        .post('/moderation/incidents', { ...body, tier: 'later' })
        .expect(400);
      await api(facilitator)
        .post('/moderation/incidents', { ...body, messageId: '8d3a3f8e-1111-4a4a-9b9b-123456789abc' })
        .expect(404);
    });

    it('opens, alerts the facilitators, is audited, reads in context with pseudonyms, and is not opened twice', async () => {
      const member = await inRoom(t, wren, group.id);
      const peer = await inRoom(t, ash, group.id);
      await said(peer, group.id, 'How was your week, Wren?');
      await said(member, group.id, 'Long. Little sleep, lots of coffee.');
      await said(peer, group.id, 'That sounds so hard.');
      const message = await said(member, group.id, 'Going quiet for a bit, it feels lighter');
      const fac = await connect(t, facilitator);
      const alerts = collect(fac, 'safety:alert');

      const opened = await api(facilitator)
        .post('/moderation/incidents', { messageId: message.id, tier: 'concern', category: 'suicide' })
        .expect(201);
      expect(opened.body).toMatchObject({
        source: 'facilitator',
        category: 'suicide',
        tier: 'concern',
        status: 'open',
        groupName: 'Postpartum circle',
        pseudonym: 'Wren',
        acknowledgedByPseudonym: null,
      });
      expect(
        opened.body.context.map((m: { body: string; author: { pseudonym: string } }) => [
          m.author.pseudonym,
          m.body,
        ]),
      ).toEqual([
        ['Ash', 'How was your week, Wren?'],
        ['Wren', 'Long. Little sleep, lots of coffee.'],
        ['Ash', 'That sounds so hard.'],
        ['Wren', 'Going quiet for a bit, it feels lighter'],
      ]);
      await until(() => alerts.length === 1, 'the facilitators’ alert');
      expect(alerts[0]).toMatchObject({ pseudonym: 'Wren', source: 'facilitator', tier: 'concern' });

      await api(facilitator)
        .post('/moderation/incidents', { messageId: message.id, tier: 'urgent' })
        .expect(409);
      // The incident, its context and the audit are for this group's facilitators only.
      for (const outsider of [ash, wren, otherFacilitator]) {
        await api(outsider).get('/moderation/incidents').expect(403);
        await api(outsider).get('/audit').expect(403);
      }

      await api(facilitator)
        .post(`/moderation/incidents/${opened.body.id}/acknowledge`, { note: 'Called her; she is safe' })
        .expect(200);
      const list = await api(facilitator).get('/moderation/incidents').expect(200);
      expect(list.body).toEqual([
        expect.objectContaining({
          id: opened.body.id,
          status: 'acknowledged',
          acknowledgedByPseudonym: 'Fern',
          notes: [expect.objectContaining({ authorPseudonym: 'Fern', note: 'Called her; she is safe' })],
        }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain(wren.email);

      const audit = await api(facilitator).get('/audit?action=incident.opened').expect(200);
      expect(audit.body).toEqual([
        expect.objectContaining({
          action: 'incident.opened',
          actorPseudonym: 'Fern',
          targetPseudonym: 'Wren',
          targetMessageId: message.id,
          details: { source: 'facilitator', category: 'suicide', tier: 'concern' },
        }),
      ]);
      member.disconnect();
      peer.disconnect();
      fac.disconnect();
    });
  });

  describe('Mute the author of a message - POST /api/groups/:id/moderation/mutes', () => {
    it('names the member by membership as the room does; another group’s membership is not found', async () => {
      const socket = await inRoom(t, wren, group.id);
      const message = await said(socket, group.id, 'whatever, this group is pointless');
      socket.disconnect();
      const membershipId = message.author!.membershipId;
      await api(ash).post('/moderation/mutes', { membershipId, minutes: 15 }).expect(403);
      await api(facilitator)
        .post('/moderation/mutes', { membershipId: '8d3a3f8e-1111-4a4a-9b9b-123456789abc', minutes: 15 })
        .expect(404);
      await api(facilitator).post('/moderation/mutes', { minutes: 15 }).expect(400);
      const muted = await api(facilitator)
        .post('/moderation/mutes', { membershipId, minutes: 60, reason: 'Let us pause' })
        .expect(201);
      expect(muted.body).toMatchObject({ userId: wren.id, reason: 'Let us pause' });
    });
  });

  describe('The audit log in words - GET /api/groups/:id/audit', () => {
    it('names actor and subject by pseudonym, never by account', async () => {
      await api(facilitator)
        .post('/moderation/mutes', { userId: wren.id, minutes: 15, reason: 'Take a breath' })
        .expect(201);
      const audit = await api(facilitator).get('/audit?action=member.muted').expect(200);
      expect(audit.body).toEqual([
        expect.objectContaining({ actorPseudonym: 'Fern', targetPseudonym: 'Wren', reason: 'Take a breath' }),
      ]);
      expect(JSON.stringify(audit.body)).not.toContain(wren.email);
    });
  });
});
