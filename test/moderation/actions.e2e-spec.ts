import { strFromU8 } from 'fflate';
import { DataSource } from 'typeorm';

import type { MessageDto } from '@hearth/contracts';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, until } from '../support/sockets.js';
import {
  createAccount,
  eraseAccount,
  exportOf,
  registerUser,
  renew,
  type TestUser,
} from '../support/users.js';
import { groupApi, inRoom, said, say, settle } from './support.js';

describe('Facilitator actions', () => {
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
    group = await createGroup(t, facilitator);
    await createGroup(t, otherFacilitator, { name: 'Elsewhere' });
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
  });

  afterEach(async () => {
    await t.close();
  });

  const api = groupApi(() => ({ t, groupId: group.id }));

  const auditActions = async () =>
    (await api(facilitator).get('/audit').expect(200)).body.map(
      (e: { action: string }) => e.action,
    ) as string[];

  describe('Mute - POST /api/groups/:id/moderation/mutes', () => {
    it('requires authentication', async () => {
      await t
        .request()
        .post(`/api/groups/${group.id}/moderation/mutes`)
        .send({ userId: wren.id, minutes: 60 })
        .expect(401);
    });

    it('is for this group’s facilitators and admins only', async () => {
      await api(ash).post('/moderation/mutes', { userId: wren.id, minutes: 60 }).expect(403);
      await api(otherFacilitator).post('/moderation/mutes', { userId: wren.id, minutes: 60 }).expect(403);
      await api(admin).post('/moderation/mutes', { userId: wren.id, minutes: 60 }).expect(201);
    });

    it('stops posting and reacting until the end time; the member is told why; the room sees a neutral line', async () => {
      const member = await inRoom(t, wren, group.id);
      const peer = await inRoom(t, ash, group.id);
      const notices = collect(member, 'notice');
      const roomEvents = collect(peer, 'moderation:event');
      const earlier = await said(peer, group.id, 'hello');

      const muted = await api(facilitator)
        .post('/moderation/mutes', { userId: wren.id, minutes: 60, reason: 'Please pause and breathe' })
        .expect(201);
      expect(muted.body.endsAt).toBeTruthy();
      await until(() => notices.length === 1 && roomEvents.length === 1, 'mute notices');
      expect(notices[0]).toMatchObject({
        kind: 'moderation.muted',
        groupId: group.id,
        reason: 'Please pause and breathe',
      });
      expect(roomEvents[0]).toEqual({
        groupId: group.id,
        kind: 'member.muted',
        text: 'A facilitator muted a member.',
      });

      const refused = await say(member, group.id, 'let me speak');
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'MUTED', details: { until: muted.body.endsAt } },
      });
      expect(await member.emitWithAck('reaction:add', { messageId: earlier.id, emoji: '🙏' })).toMatchObject({
        ok: false,
        error: { code: 'MUTED' },
      });
      // Nor does the room see a muted member typing; stopping is always allowed.
      const typing = collect(peer, 'typing');
      expect(await member.emitWithAck('typing', { groupId: group.id, isTyping: true })).toMatchObject({
        ok: false,
        error: { code: 'MUTED' },
      });
      expect(await member.emitWithAck('typing', { groupId: group.id, isTyping: false })).toMatchObject({
        ok: true,
      });
      await until(() => typing.length === 1, 'the stop');
      expect(typing).toEqual([expect.objectContaining({ isTyping: false })]);
      const history = await api(ash).get('/messages').expect(200);
      expect(history.body.map((m: MessageDto) => m.body)).toEqual(['hello']);

      const state = (await api(wren).get('/moderation/mode').expect(200)).body;
      expect(state.muted).toBe(true);
      expect(Date.parse(state.mutedUntil) - t.clock.now().getTime()).toBeGreaterThan(59 * 60_000);
      expect((await api(ash).get('/moderation/mode').expect(200)).body).toMatchObject({ muted: false });
      t.clock.advance(61 * 60_000);
      await renew(t, wren);
      await renew(t, facilitator);
      await member.emitWithAck('auth:refresh', { token: wren.tokens.accessToken });
      expect((await say(member, group.id, 'I am back')).ok).toBe(true);
      expect(await auditActions()).toContain('member.muted');
    });

    it('mutes until lifted, and lifts', async () => {
      const member = await inRoom(t, wren, group.id);
      await api(facilitator)
        .post('/moderation/mutes', { userId: wren.id, minutes: null, reason: 'A pause until we talk' })
        .expect(201);
      expect(await say(member, group.id, 'hi')).toMatchObject({
        ok: false,
        error: { code: 'MUTED', details: { until: null } },
      });
      // The reason stays readable by the muted member (a reloaded room says it again), and by her only.
      expect((await api(wren).get('/moderation/mode').expect(200)).body).toMatchObject({
        muted: true,
        mutedUntil: null,
        muteReason: 'A pause until we talk',
      });
      expect((await api(ash).get('/moderation/mode').expect(200)).body).toMatchObject({ muteReason: null });
      await api(facilitator).del(`/moderation/mutes/${wren.id}`).expect(204);
      expect((await api(wren).get('/moderation/mode').expect(200)).body).toMatchObject({
        muted: false,
        muteReason: null,
      });
      expect((await say(member, group.id, 'hi')).ok).toBe(true);
      await api(facilitator).del(`/moderation/mutes/${wren.id}`).expect(404);
      expect(await auditActions()).toEqual(expect.arrayContaining(['member.muted', 'member.unmuted']));
    });

    it.each([
      [{ userId: 'nope', minutes: 60 }],
      [{ minutes: 60 }],
      [{ userId: '8d3a3f8e-1111-4a4a-9b9b-123456789abc', minutes: 4 }],
      [{ userId: '8d3a3f8e-1111-4a4a-9b9b-123456789abc', minutes: 10081 }],
      [{ userId: '8d3a3f8e-1111-4a4a-9b9b-123456789abc', minutes: '60' }],
    ])('refuses %j', async (body) => {
      await api(facilitator).post('/moderation/mutes', body).expect(400);
    });

    it('does not mute facilitators or strangers', async () => {
      await api(facilitator).post('/moderation/mutes', { userId: facilitator.id, minutes: 60 }).expect(409);
      const stranger = await registerUser(t);
      await api(facilitator).post('/moderation/mutes', { userId: stranger.id, minutes: 60 }).expect(404);
    });
  });

  describe('Room modes - PUT /api/groups/:id/moderation/mode', () => {
    it('requires authentication', async () => {
      await t.request().put(`/api/groups/${group.id}/moderation/mode`).send({ mode: 'open' }).expect(401);
    });

    it('read-only: only facilitators post', async () => {
      const member = await inRoom(t, wren, group.id);
      const fac = await inRoom(t, facilitator, group.id);
      const events = collect(member, 'moderation:event');
      await api(ash).put('/moderation/mode', { mode: 'read_only' }).expect(403);
      await api(facilitator).put('/moderation/mode', { mode: 'read_only' }).expect(200);
      await until(() => events.length === 1, 'mode event');
      expect(events[0]).toMatchObject({ kind: 'mode.changed', mode: { mode: 'read_only' } });
      expect(await say(member, group.id, 'hello?')).toMatchObject({
        ok: false,
        error: { code: 'READ_ONLY' },
      });
      expect((await say(fac, group.id, 'Good night, the room reopens at 8')).ok).toBe(true);
      await api(facilitator).put('/moderation/mode', { mode: 'open' }).expect(200);
      expect((await say(member, group.id, 'morning!')).ok).toBe(true);
      const mode = await api(wren).get('/moderation/mode').expect(200);
      expect(mode.body).toEqual({
        mode: 'open',
        slowSeconds: null,
        premoderateDays: null,
        muted: false,
        mutedUntil: null,
        muteReason: null,
      });
    });

    it('slow: one message per member every N seconds, with the wait; facilitators exempt', async () => {
      const member = await inRoom(t, wren, group.id);
      const fac = await inRoom(t, facilitator, group.id);
      await api(facilitator).put('/moderation/mode', { mode: 'slow', slowSeconds: 30 }).expect(200);
      expect((await say(member, group.id, 'one')).ok).toBe(true);
      t.clock.advance(10_000);
      expect(await say(member, group.id, 'two')).toMatchObject({
        ok: false,
        error: { code: 'SLOW_MODE', details: { waitSeconds: 20 } },
      });
      expect((await say(fac, group.id, 'f1')).ok).toBe(true);
      expect((await say(fac, group.id, 'f2')).ok).toBe(true);
      t.clock.advance(21_000);
      expect((await say(member, group.id, 'three')).ok).toBe(true);
    });

    it.each([
      [{ mode: 'slow' }],
      [{ mode: 'chaos' }],
      [{ mode: 'slow', slowSeconds: 1 }],
      [{ mode: 'open', premoderateDays: 0 }],
    ])('refuses %j', async (body) => {
      await api(facilitator).put('/moderation/mode', body).expect(400);
    });
  });

  describe('Premoderation', () => {
    it('holds newcomers’ messages until approved, invisible to others meanwhile; approval posts them at the end', async () => {
      await api(facilitator).put('/moderation/mode', { mode: 'open', premoderateDays: 7 }).expect(200);
      const member = await inRoom(t, wren, group.id);
      const peer = await inRoom(t, ash, group.id);
      const fac = await inRoom(t, facilitator, group.id);
      const peerInbox = collect(peer, 'message:new');
      const facReports = collect(fac, 'moderation:report');
      const memberNotices = collect(member, 'notice');

      const held = await say(member, group.id, 'Hi everyone, I am new here');
      expect(held).toMatchObject({ ok: true, message: { status: 'held', seq: null } });
      if (!held.ok) return;
      await until(() => facReports.length === 1, 'held report');
      expect(facReports[0]).toMatchObject({ kind: 'held', messageId: held.message.id });
      await settle();
      expect(peerInbox).toEqual([]);
      expect((await api(ash).get('/messages').expect(200)).body).toEqual([]);
      await api(ash).get(`/messages/${held.message.id}`).expect(404);
      // The author sees it, marked as waiting, when rejoining.
      const rejoin = await member.emitWithAck('group:join', { groupId: group.id });
      expect(rejoin.ok && rejoin.held.map((m) => m.id)).toEqual([held.message.id]);

      const queue = await api(facilitator).get('/moderation/queue').expect(200);
      expect(queue.body).toEqual([expect.objectContaining({ kind: 'held', id: held.message.id })]);

      await said(fac, group.id, 'Welcome!');
      const approved = await api(facilitator).post(`/moderation/held/${held.message.id}/approve`).expect(200);
      expect(approved.body).toMatchObject({ status: 'visible', seq: 2 });
      await until(() => peerInbox.some((m) => m.id === held.message.id), 'approved delivery');
      await until(() => memberNotices.some((n) => n.kind === 'moderation.held_approved'), 'approval notice');
      await api(facilitator).post(`/moderation/held/${held.message.id}/approve`).expect(409);
      await api(facilitator).post(`/moderation/held/${held.message.id}/reject`).expect(409);
      expect((await api(facilitator).get('/moderation/queue').expect(200)).body).toEqual([]);
    });

    it('rejects a held message: it is gone, and its author is told', async () => {
      await api(facilitator).put('/moderation/mode', { mode: 'open', premoderateDays: 7 }).expect(200);
      const member = await inRoom(t, wren, group.id);
      const notices = collect(member, 'notice');
      const held = await say(member, group.id, 'buy my course');
      if (!held.ok) throw new Error('expected a held ack');
      await api(facilitator)
        .post(`/moderation/held/${held.message.id}/reject`, { note: 'No advertising, please' })
        .expect(204);
      await until(() => notices.length === 1, 'rejection notice');
      expect(notices[0]).toMatchObject({
        kind: 'moderation.held_rejected',
        reason: 'No advertising, please',
      });
      await api(wren).get(`/messages/${held.message.id}`).expect(404);
      await api(facilitator).post(`/moderation/held/${held.message.id}/approve`).expect(404);
    });

    it('holds links from members in their first days', async () => {
      const member = await inRoom(t, wren, group.id);
      expect(await say(member, group.id, 'look at https://example.com/cure')).toMatchObject({
        ok: true,
        message: { status: 'held' },
      });
      t.clock.advance(4 * 86_400_000);
      await renew(t, wren);
      await member.emitWithAck('auth:refresh', { token: wren.tokens.accessToken });
      expect(await say(member, group.id, 'the article: https://example.org/study')).toMatchObject({
        ok: true,
        message: { status: 'visible' },
      });
    });
  });

  describe('Remove a message - POST /api/groups/:id/moderation/messages/:messageId/remove', () => {
    it('leaves a tombstone for members, keeps the text for facilitators, tells the author and the room', async () => {
      const member = await inRoom(t, wren, group.id);
      const peer = await inRoom(t, ash, group.id);
      const updates = collect(peer, 'message:updated');
      const roomEvents = collect(peer, 'moderation:event');
      const notices = collect(member, 'notice');
      const message = await said(member, group.id, 'something hurtful');
      await api(ash).post(`/moderation/messages/${message.id}/remove`).expect(403);
      const removed = await api(facilitator)
        .post(`/moderation/messages/${message.id}/remove`, { reason: 'Please keep it kind' })
        .expect(200);
      expect(removed.body).toMatchObject({ status: 'removed', body: null });

      await until(
        () => updates.length === 1 && roomEvents.length === 1 && notices.length === 1,
        'removal broadcasts',
      );
      expect(updates[0]).toMatchObject({ id: message.id, status: 'removed', body: null });
      expect(roomEvents[0]).toMatchObject({ kind: 'message.removed', messageId: message.id });
      expect(notices[0]).toMatchObject({ kind: 'moderation.message_removed', reason: 'Please keep it kind' });

      const peers = await api(ash).get(`/messages/${message.id}`).expect(200);
      expect(peers.body).toMatchObject({ status: 'removed', body: null });
      const staff = await api(facilitator).get(`/messages/${message.id}`).expect(200);
      expect(staff.body).toMatchObject({ status: 'removed', body: 'something hurtful' });
      await api(facilitator).post(`/moderation/messages/${message.id}/remove`).expect(409);
      expect(await auditActions()).toContain('message.removed');
    });

    it('keeps the reason for its author alone: told on her return while offline, in her export, never to peers; erased with her', async () => {
      const member = await inRoom(t, wren, group.id);
      const message = await said(member, group.id, 'something hurtful');
      const kept = await said(member, group.id, 'a kind word');
      member.disconnect();
      const peer = await inRoom(t, ash, group.id);
      const peerUpdates = collect(peer, 'message:updated');
      await api(facilitator)
        .post(`/moderation/messages/${message.id}/remove`, { reason: 'Please keep it kind' })
        .expect(200);
      await until(() => peerUpdates.length === 1, 'the peer’s tombstone');
      expect(peerUpdates[0]).toMatchObject({ id: message.id, status: 'removed', body: null });
      expect(peerUpdates[0]).not.toHaveProperty('removalReason');

      // Wren was offline: the notice went by, the reason waits on her tombstone (history, one message, catch-up).
      const history = (await api(wren).get('/messages').expect(200)).body as MessageDto[];
      expect(history.find((m) => m.id === message.id)).toMatchObject({
        status: 'removed',
        body: null,
        removalReason: 'Please keep it kind',
      });
      expect(history.find((m) => m.id === kept.id)).not.toHaveProperty('removalReason');
      expect((await api(wren).get(`/messages/${message.id}`).expect(200)).body).toMatchObject({
        removalReason: 'Please keep it kind',
      });
      const back = await inRoom(t, wren, group.id);
      const rejoined = await back.emitWithAck('group:join', { groupId: group.id, sinceSeq: 0 });
      expect(rejoined.ok && rejoined.missed.find((m) => m.id === message.id)).toMatchObject({
        removalReason: 'Please keep it kind',
      });

      // Nobody else is shown it: not a peer, not the facilitators (who have the audit log), not an admin.
      for (const other of [ash, facilitator, admin]) {
        const theirs = (await api(other).get('/messages').expect(200)).body as MessageDto[];
        expect(theirs.find((m) => m.id === message.id)).not.toHaveProperty('removalReason');
        expect((await api(other).get(`/messages/${message.id}`).expect(200)).body).not.toHaveProperty(
          'removalReason',
        );
      }

      // Sealed at rest like the text; part of her export.
      const db = t.app.get(DataSource);
      const [stored] = (await db.query('SELECT removal_reason FROM messages WHERE id = ?', [message.id])) as {
        removal_reason: string;
      }[];
      expect(stored.removal_reason).toMatch(/^v1\./);
      const exported = JSON.parse(strFromU8((await exportOf(t, wren))['hearth-export.json'])) as {
        messages: { id: string; removalReason?: string }[];
      };
      expect(exported.messages.find((m) => m.id === message.id)).toMatchObject({
        removalReason: 'Please keep it kind',
      });
      expect(exported.messages.find((m) => m.id === kept.id)).not.toHaveProperty('removalReason');

      await eraseAccount(t, wren);
      expect(await db.query('SELECT removal_reason FROM messages WHERE id = ?', [message.id])).toEqual([
        { removal_reason: null },
      ]);
    });

    it('tells an online author why on her own tombstone, live; her peers’ copy has no reason', async () => {
      const member = await inRoom(t, wren, group.id);
      const peer = await inRoom(t, ash, group.id);
      const hers = collect(member, 'message:updated');
      const theirs = collect(peer, 'message:updated');
      const message = await said(member, group.id, 'something hurtful');
      await api(facilitator)
        .post(`/moderation/messages/${message.id}/remove`, { reason: 'Please keep it kind' })
        .expect(200);
      await until(() => hers.length === 1 && theirs.length === 1, 'both tombstones');
      await settle();
      expect(hers).toEqual([
        expect.objectContaining({ id: message.id, removalReason: 'Please keep it kind' }),
      ]);
      expect(theirs).toHaveLength(1);
      expect(theirs[0]).not.toHaveProperty('removalReason');
    });
  });

  describe('Warnings, pins, hidden members, my moderation history', () => {
    it('warns privately', async () => {
      const member = await inRoom(t, wren, group.id);
      const peer = await inRoom(t, ash, group.id);
      const notices = collect(member, 'notice');
      const peerNotices = collect(peer, 'notice');
      await api(facilitator)
        .post('/moderation/warnings', { userId: wren.id, reason: 'Please avoid dosing talk' })
        .expect(204);
      await until(() => notices.length === 1, 'warning');
      expect(notices[0]).toMatchObject({ kind: 'moderation.warning', reason: 'Please avoid dosing talk' });
      await settle();
      expect(peerNotices).toEqual([]);
      await api(facilitator).post('/moderation/warnings', { userId: wren.id }).expect(400);
    });

    it('pins and unpins; everyone in the group sees the pins', async () => {
      const fac = await inRoom(t, facilitator, group.id);
      const message = await said(fac, group.id, 'Our next meeting is Tuesday at 7');
      await api(wren).put(`/pins/${message.id}`).expect(403);
      await api(facilitator).put(`/pins/${message.id}`).expect(204);
      const pins = await api(wren).get('/pins').expect(200);
      expect(pins.body.map((m: MessageDto) => m.id)).toEqual([message.id]);
      await api(facilitator).del(`/pins/${message.id}`).expect(204);
      expect((await api(wren).get('/pins').expect(200)).body).toEqual([]);
      await api(facilitator).del(`/pins/${message.id}`).expect(404);
    });

    it('hides a member for me only, on every device', async () => {
      const members = await api(wren).get('/members').expect(200);
      const ashMembership = members.body.find(
        (m: { pseudonym: string }) => m.pseudonym === 'Ash',
      ).membershipId;
      await api(wren).post('/hidden-members', { membershipId: ashMembership }).expect(200, [ashMembership]);
      expect((await api(wren).get('/hidden-members').expect(200)).body).toEqual([ashMembership]);
      expect((await api(ash).get('/hidden-members').expect(200)).body).toEqual([]);
      await api(wren).del(`/hidden-members/${ashMembership}`).expect(200, []);
      await api(wren).post('/hidden-members', { membershipId: 'nope' }).expect(400);
    });

    it('lists the actions taken against me, without who reported me', async () => {
      const member = await inRoom(t, wren, group.id);
      const message = await said(member, group.id, 'hmm');
      await api(ash).post(`/messages/${message.id}/reports`, { reason: 'spam' }).expect(201);
      await api(facilitator)
        .post('/moderation/warnings', { userId: wren.id, reason: 'Stay on topic' })
        .expect(204);
      await api(facilitator).post('/moderation/mutes', { userId: wren.id, minutes: 5 }).expect(201);
      const mine = await t.request().get('/api/me/moderation').set('Authorization', wren.auth).expect(200);
      expect(mine.body.map((e: { action: string }) => e.action)).toEqual(['member.muted', 'member.warned']);
      expect(JSON.stringify(mine.body)).not.toContain(ash.id);
    });
  });

  describe('Removal and ban (groups library) are audited and shown neutrally', () => {
    it('records the removal with its reason and tells the room without naming anyone', async () => {
      const peer = await inRoom(t, ash, group.id);
      const roomEvents = collect(peer, 'moderation:event');
      await t
        .request()
        .delete(`/api/groups/${group.id}/members/${wren.id}`)
        .set('Authorization', facilitator.auth)
        .send({ reason: 'Take care of yourself' })
        .expect(204);
      await until(() => roomEvents.length === 1, 'room event');
      expect(roomEvents[0]).toEqual({
        groupId: group.id,
        kind: 'member.removed',
        text: 'A facilitator removed a member from the group.',
      });
      const audit = await api(facilitator).get('/audit?action=member.removed').expect(200);
      expect(audit.body).toEqual([
        expect.objectContaining({
          actorUserId: facilitator.id,
          targetUserId: wren.id,
          reason: 'Take care of yourself',
        }),
      ]);
      await api(wren).get('/audit').expect(403);
    });
  });
});
