import { randomUUID } from 'node:crypto';

import type { MessageDto } from '@hearth/contracts';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  acceptAgreement,
  addActiveMember,
  createGroup,
  createInvite,
  redeem,
  type GroupCard,
} from '../support/groups.js';
import { collect, connect, until, type ClientSocket } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

describe('Chat messaging', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let outsider: TestUser;
  let group: GroupCard;

  async function world(env: Record<string, string> = {}) {
    t = await createTestApp({ env });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t, { displayName: 'Wren Account' });
    ash = await registerUser(t);
    outsider = await registerUser(t);
    group = await createGroup(t, facilitator, { facilitatorPseudonym: 'Fran' });
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
  }

  // Most tests send more than the default per-person budget; the rate-limit test sets its own.
  beforeEach(() => world({ CHAT_RATE_LIMIT: '1000' }));

  afterEach(async () => {
    await t.close();
  });

  async function joined(user: TestUser, sinceSeq?: number): Promise<ClientSocket> {
    const socket = await connect(t, user);
    const ack = await socket.emitWithAck('group:join', {
      groupId: group.id,
      ...(sinceSeq !== undefined ? { sinceSeq } : {}),
    });
    if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
    return socket;
  }

  const send = (socket: ClientSocket, body: string, clientId: string = randomUUID(), extra: object = {}) =>
    socket.emitWithAck('message:send', { groupId: group.id, clientId, body, ...extra });

  const sent = async (socket: ClientSocket, body: string): Promise<MessageDto> => {
    const ack = await send(socket, body);
    if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack)}`);
    return ack.message;
  };

  describe('Joining a room - group:join', () => {
    it('refuses a non-member, and a member who has not accepted the agreement', async () => {
      const stranger = await connect(t, outsider);
      expect(await stranger.emitWithAck('group:join', { groupId: group.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });

      const newcomer = await registerUser(t);
      const invite = await createInvite(t, facilitator, group.id);
      await redeem(t, newcomer, invite.code, 'Fern').expect(200);
      const socket = await connect(t, newcomer);
      expect(await socket.emitWithAck('group:join', { groupId: group.id })).toEqual({
        ok: false,
        error: {
          code: 'CONSENT_REQUIRED',
          message: 'Accept the group agreement first',
          details: { version: 1 },
        },
      });
      await acceptAgreement(t, newcomer, group.id).expect(200);
      expect(await socket.emitWithAck('group:join', { groupId: group.id })).toMatchObject({
        ok: true,
        lastSeq: 0,
        missed: [],
      });
    });

    it('answers an unknown group as forbidden, and a malformed id as invalid', async () => {
      const socket = await connect(t, wren);
      expect(await socket.emitWithAck('group:join', { groupId: randomUUID() })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await socket.emitWithAck('group:join', { groupId: 'nope' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', details: [{ field: 'groupId', message: expect.any(String) }] },
      });
    });
  });

  describe('Sending - message:send', () => {
    it('acks after commit and delivers to every other member, by pseudonym, to no one outside', async () => {
      const sender = await joined(wren);
      const peer = await joined(ash);
      const fac = await joined(facilitator);
      const stranger = await connect(t, outsider);
      const peerInbox = collect(peer, 'message:new');
      const facInbox = collect(fac, 'message:new');
      const strangerInbox = collect(stranger, 'message:new');
      const senderInbox = collect(sender, 'message:new');

      const ack = await send(sender, '  Today I noticed the tightness in my chest ease.  ');
      expect(ack).toMatchObject({
        ok: true,
        message: {
          groupId: group.id,
          seq: 1,
          kind: 'text',
          body: 'Today I noticed the tightness in my chest ease.',
          author: { pseudonym: 'Wren', role: 'member' },
          deleted: false,
        },
      });
      // Committed before the ack: it is in the history.
      const history = await t
        .request()
        .get(`/api/groups/${group.id}/messages`)
        .set('Authorization', ash.auth)
        .expect(200);
      expect(history.body.map((m: MessageDto) => m.body)).toEqual([
        'Today I noticed the tightness in my chest ease.',
      ]);

      await until(() => peerInbox.length === 1 && facInbox.length === 1, 'delivery');
      expect(peerInbox[0]).toEqual(ack.ok && ack.message);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(strangerInbox).toEqual([]);
      expect(senderInbox).toEqual([]);
      const text = JSON.stringify(peerInbox[0]);
      expect(text).not.toContain(wren.email);
      expect(text).not.toContain('Wren Account');
      expect(text).not.toContain(wren.id);
    });

    it('stores NFC-normalized text and refuses empty or over-long bodies', async () => {
      const sender = await joined(wren);
      const decomposed = 'Cafe\u0301 with my baby';
      const ack = await send(sender, decomposed);
      expect(ack.ok && ack.message.body).toBe('Café with my baby');
      for (const body of ['', '   \n\t ', 'x'.repeat(4001)]) {
        expect(await send(sender, body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
      expect(await send(sender, '😊'.repeat(4000))).toMatchObject({ ok: true });
    });

    it('requires joining the room first', async () => {
      const socket = await connect(t, wren);
      expect(await send(socket, 'hello')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Join the group first' },
      });
    });

    it('is idempotent by clientId, sequentially and concurrently', async () => {
      const sender = await joined(wren);
      const clientId = randomUUID();
      const first = await send(sender, 'once', clientId);
      const again = await send(sender, 'once', clientId);
      expect(again).toEqual(first);

      const racing = randomUUID();
      const other = await connect(t, wren);
      await other.emitWithAck('group:join', { groupId: group.id });
      const [a, b] = await Promise.all([send(sender, 'twice?', racing), send(other, 'twice?', racing)]);
      expect(a.ok && b.ok && a.message.id === b.message.id).toBe(true);

      const history = await t
        .request()
        .get(`/api/groups/${group.id}/messages`)
        .set('Authorization', wren.auth)
        .expect(200);
      expect(history.body.map((m: MessageDto) => m.body)).toEqual(['once', 'twice?']);
      expect(history.body.map((m: MessageDto) => m.seq)).toEqual([1, 2]);
    });

    it('orders concurrent messages by a gap-free seq', async () => {
      const a = await joined(wren);
      const b = await joined(ash);
      const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i % 2 ? a : b, `m${i}`)));
      const seqs = acks.map((ack) => (ack.ok ? (ack.message.seq ?? -1) : -1)).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('threads replies within the group only', async () => {
      const sender = await joined(wren);
      const original = await sent(sender, 'Has anyone else felt numb after session 4?');
      const reply = await send(sender, 'Me too', randomUUID(), { replyToId: original.id });
      expect(reply.ok && reply.message.replyToId).toBe(original.id);
      expect(await send(sender, 'lost', randomUUID(), { replyToId: randomUUID() })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('limits each person to 20 messages in 10 seconds; the 21st is refused and not stored', async () => {
      await t.close();
      await world();
      const sender = await joined(wren);
      for (let i = 0; i < 20; i++) expect((await send(sender, `m${i}`)).ok).toBe(true);
      const limited = await send(sender, 'one too many');
      expect(limited).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } },
      });
      const history = await t
        .request()
        .get(`/api/groups/${group.id}/messages?limit=100`)
        .set('Authorization', wren.auth)
        .expect(200);
      expect(history.body).toHaveLength(20);
      // Others are not affected.
      expect((await send(await joined(ash), 'hi')).ok).toBe(true);
    });
  });

  describe('Catching up - group:join with sinceSeq', () => {
    it('returns exactly the messages missed while away, in order', async () => {
      const sender = await joined(wren);
      await sent(sender, 'before');
      const away = await joined(ash);
      const lastSeen = 1;
      away.disconnect();
      for (let i = 0; i < 50; i++) await sent(sender, `while away ${i}`);

      const back = await connect(t, ash);
      const ack = await back.emitWithAck('group:join', { groupId: group.id, sinceSeq: lastSeen });
      expect(ack.ok).toBe(true);
      if (!ack.ok) return;
      expect(ack.lastSeq).toBe(51);
      expect(ack.hasMore).toBe(false);
      expect(ack.missed.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
      expect(ack.missed.map((m) => m.body)).toEqual(Array.from({ length: 50 }, (_, i) => `while away ${i}`));
    });
  });

  describe('Editing and deleting', () => {
    it('edits my own message within 15 minutes, keeping earlier versions for me and facilitators', async () => {
      const sender = await joined(wren);
      const peer = await joined(ash);
      const updates = collect(peer, 'message:updated');
      const message = await sent(sender, 'I feel lost');
      const edited = await sender.emitWithAck('message:edit', {
        messageId: message.id,
        body: 'I feel a bit lost',
      });
      expect(edited).toMatchObject({
        ok: true,
        message: { body: 'I feel a bit lost', editedAt: expect.any(String) },
      });
      await until(() => updates.length === 1, 'update broadcast');

      const mine = await t
        .request()
        .get(`/api/groups/${group.id}/messages/${message.id}`)
        .set('Authorization', wren.auth)
        .expect(200);
      expect(mine.body.history).toEqual([{ body: 'I feel lost', replacedAt: expect.any(String) }]);
      const facs = await t
        .request()
        .get(`/api/groups/${group.id}/messages/${message.id}`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(facs.body.history).toHaveLength(1);
      const peers = await t
        .request()
        .get(`/api/groups/${group.id}/messages/${message.id}`)
        .set('Authorization', ash.auth)
        .expect(200);
      expect(peers.body.history).toBeUndefined();

      t.clock.advance(15 * 60_000 + 1000);
      const { renew } = await import('../support/users.js');
      await renew(t, wren);
      await sender.emitWithAck('auth:refresh', { token: wren.tokens.accessToken });
      expect(
        await sender.emitWithAck('message:edit', { messageId: message.id, body: 'too late' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'EDIT_WINDOW_CLOSED' },
      });
    });

    it("refuses to edit or delete someone else's message", async () => {
      const sender = await joined(wren);
      const peer = await joined(ash);
      const message = await sent(sender, 'mine');
      expect(await peer.emitWithAck('message:edit', { messageId: message.id, body: 'hacked' })).toMatchObject(
        {
          ok: false,
          error: { code: 'FORBIDDEN' },
        },
      );
      expect(await peer.emitWithAck('message:delete', { messageId: message.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });

    it('deletes my own message, leaving a tombstone in the timeline', async () => {
      const sender = await joined(wren);
      const peer = await joined(ash);
      const deletions = collect(peer, 'message:deleted');
      const message = await sent(sender, 'I should not have said that');
      await sender.emitWithAck('message:edit', { messageId: message.id, body: 'I should not have said it' });
      const ack = await sender.emitWithAck('message:delete', { messageId: message.id });
      expect(ack).toMatchObject({ ok: true, message: { deleted: true, body: null, seq: message.seq } });
      await until(() => deletions.length === 1, 'delete broadcast');
      expect(deletions[0]).toEqual({ groupId: group.id, messageId: message.id, seq: message.seq });

      const history = await t
        .request()
        .get(`/api/groups/${group.id}/messages`)
        .set('Authorization', ash.auth)
        .expect(200);
      expect(history.body).toEqual([expect.objectContaining({ id: message.id, deleted: true, body: null })]);
      const mine = await t
        .request()
        .get(`/api/groups/${group.id}/messages/${message.id}`)
        .set('Authorization', wren.auth)
        .expect(200);
      expect(mine.body.history).toEqual([]);
      expect(
        await sender.emitWithAck('message:edit', { messageId: message.id, body: 'again' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });
  });

  describe('Reactions', () => {
    it('adds and removes reactions from the allowlist, broadcasting counts by membership', async () => {
      const sender = await joined(wren);
      const peer = await joined(ash);
      const updates = collect(sender, 'reaction:updated');
      const message = await sent(sender, 'Six weeks today.');
      const added = await peer.emitWithAck('reaction:add', { messageId: message.id, emoji: '🌱' });
      expect(added).toMatchObject({
        ok: true,
        reactions: [{ emoji: '🌱', count: 1, membershipIds: [expect.any(String)] }],
      });
      expect(await peer.emitWithAck('reaction:add', { messageId: message.id, emoji: '🌱' })).toMatchObject({
        reactions: [{ emoji: '🌱', count: 1 }],
      });
      await until(() => updates.length === 2, 'reaction broadcast');
      expect(await peer.emitWithAck('reaction:remove', { messageId: message.id, emoji: '🌱' })).toEqual({
        ok: true,
        reactions: [],
      });
      expect(
        await peer.emitWithAck('reaction:add', { messageId: message.id, emoji: '💩' as never }),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    });
  });

  describe('Typing', () => {
    it('tells others who is typing, throttled, and never stores it', async () => {
      const sender = await joined(wren);
      const peer = await joined(ash);
      const typing = collect(peer, 'typing');
      expect(await sender.emitWithAck('typing', { groupId: group.id, isTyping: true })).toEqual({
        ok: true,
        throttled: false,
      });
      expect(await sender.emitWithAck('typing', { groupId: group.id, isTyping: true })).toEqual({
        ok: true,
        throttled: true,
      });
      expect(await sender.emitWithAck('typing', { groupId: group.id, isTyping: false })).toEqual({
        ok: true,
        throttled: false,
      });
      await until(() => typing.length === 2, 'typing events');
      expect(typing.map((e) => [e.pseudonym, e.isTyping])).toEqual([
        ['Wren', true],
        ['Wren', false],
      ]);
    });
  });

  describe('Read markers and unread counts', () => {
    it('counts messages by others after my read marker in GET /api/groups', async () => {
      const sender = await joined(wren);
      const reader = await joined(ash);
      for (let i = 0; i < 5; i++) await sent(sender, `m${i}`);
      const unread = async (user: TestUser) =>
        (await t.request().get('/api/groups').set('Authorization', user.auth).expect(200)).body.find(
          (g: { id: string }) => g.id === group.id,
        ).unread;
      expect(await unread(ash)).toBe(5);
      expect(await unread(wren)).toBe(0);
      expect(await reader.emitWithAck('read', { groupId: group.id, seq: 3 })).toEqual({ ok: true, seq: 3 });
      expect(await unread(ash)).toBe(2);
      // Markers never move back, and never past the end.
      expect(await reader.emitWithAck('read', { groupId: group.id, seq: 1 })).toEqual({ ok: true, seq: 3 });
      expect(await reader.emitWithAck('read', { groupId: group.id, seq: 999 })).toEqual({ ok: true, seq: 5 });
      expect(await unread(ash)).toBe(0);
    });
  });

  describe('Losing access', () => {
    it('stops delivery at once when a member is removed or banned, and tells them why', async () => {
      const sender = await joined(ash);
      const removed = await joined(wren);
      const inbox = collect(removed, 'message:new');
      const notices = collect(removed, 'notice');
      await t
        .request()
        .delete(`/api/groups/${group.id}/members/${wren.id}`)
        .set('Authorization', facilitator.auth)
        .send({ reason: 'Please take a break and talk to me' })
        .expect(204);
      await until(() => notices.length === 1, 'removal notice');
      expect(notices[0]).toEqual({
        kind: 'membership.removed',
        groupId: group.id,
        message: 'A facilitator removed you from this group.',
        reason: 'Please take a break and talk to me',
        cause: 'removed',
      });
      await sent(sender, 'after removal');
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(inbox).toEqual([]);
      expect(await send(removed, 'still here?')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await removed.emitWithAck('group:join', { groupId: group.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });

    it('stops delivery at once on ban', async () => {
      const sender = await joined(ash);
      const banned = await joined(wren);
      const inbox = collect(banned, 'message:new');
      const notices = collect(banned, 'notice');
      await t
        .request()
        .post(`/api/groups/${group.id}/bans`)
        .set('Authorization', facilitator.auth)
        .send({ userId: wren.id })
        .expect(204);
      await until(() => notices.length === 1, 'ban notice');
      expect(notices[0].kind).toBe('membership.banned');
      await sent(sender, 'after ban');
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(inbox).toEqual([]);
    });

    it('stops delivery at logout and when the account is disabled', async () => {
      const sender = await joined(ash);
      const a = await joined(wren);
      const inbox = collect(a, 'message:new');
      await t
        .request()
        .patch(`/api/admin/users/${wren.id}`)
        .set('Authorization', admin.auth)
        .send({ disabled: true })
        .expect(200);
      await until(() => !a.connected, 'disconnect');
      await sent(sender, 'after disable');
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(inbox).toEqual([]);
    });
  });

  describe('Consent and archiving', () => {
    it('stops posting after a new agreement until it is accepted; reading continues', async () => {
      const member = await joined(wren);
      const peer = await joined(ash);
      const inbox = collect(member, 'message:new');
      const notices = collect(member, 'notice');
      await t
        .request()
        .put(`/api/groups/${group.id}/agreement`)
        .set('Authorization', facilitator.auth)
        .send({ text: 'Version 2' })
        .expect(200);
      await until(() => notices.length === 1, 'consent notice');
      expect(notices[0]).toMatchObject({ kind: 'consent.required', groupId: group.id });

      expect(await send(member, 'may I?')).toMatchObject({
        ok: false,
        error: { code: 'CONSENT_REQUIRED', details: { version: 2 } },
      });
      await acceptAgreement(t, ash, group.id, 2).expect(200);
      await sent(peer, 'still reading?');
      await until(() => inbox.length === 1, 'reading continues');

      await acceptAgreement(t, wren, group.id, 2).expect(200);
      expect((await send(member, 'now I may')).ok).toBe(true);
    });

    it('keeps an archived group readable but refuses new messages', async () => {
      const member = await joined(wren);
      await sent(member, 'last words');
      await t
        .request()
        .post(`/api/groups/${group.id}/archive`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(await send(member, 'after the end')).toMatchObject({ ok: false, error: { code: 'ARCHIVED' } });
      const again = await connect(t, wren);
      expect(await again.emitWithAck('group:join', { groupId: group.id, sinceSeq: 0 })).toMatchObject({
        ok: true,
        missed: [expect.objectContaining({ body: 'last words' })],
      });
    });
  });

  describe('History - GET /api/groups/:id/messages', () => {
    it('requires authentication', async () => {
      await t.request().get(`/api/groups/${group.id}/messages`).expect(401);
    });

    it('pages by seq for members only', async () => {
      const sender = await joined(wren);
      for (let i = 1; i <= 7; i++) await sent(sender, `m${i}`);
      const latest = await t
        .request()
        .get(`/api/groups/${group.id}/messages?limit=3`)
        .set('Authorization', ash.auth)
        .expect(200);
      expect(latest.body.map((m: MessageDto) => m.seq)).toEqual([5, 6, 7]);
      const older = await t
        .request()
        .get(`/api/groups/${group.id}/messages?before=5&limit=3`)
        .set('Authorization', ash.auth)
        .expect(200);
      expect(older.body.map((m: MessageDto) => m.seq)).toEqual([2, 3, 4]);
      const newer = await t
        .request()
        .get(`/api/groups/${group.id}/messages?after=5`)
        .set('Authorization', ash.auth)
        .expect(200);
      expect(newer.body.map((m: MessageDto) => m.seq)).toEqual([6, 7]);
      await t
        .request()
        .get(`/api/groups/${group.id}/messages`)
        .set('Authorization', outsider.auth)
        .expect(403);
      await t
        .request()
        .get(`/api/groups/${group.id}/messages?limit=101`)
        .set('Authorization', ash.auth)
        .expect(400);
      await t
        .request()
        .get(`/api/groups/${group.id}/messages/${randomUUID()}`)
        .set('Authorization', ash.auth)
        .expect(404);
    });
  });

  describe('Retention', () => {
    it('lets facilitators set retention, and the daily job deletes older messages', async () => {
      const sender = await joined(wren);
      await sent(sender, 'old');
      t.clock.advance(3 * 86_400_000);
      const { renew } = await import('../support/users.js');
      await renew(t, wren);
      await renew(t, facilitator);
      await sender.emitWithAck('auth:refresh', { token: wren.tokens.accessToken });
      await sent(sender, 'new');

      await t
        .request()
        .put(`/api/groups/${group.id}/retention`)
        .set('Authorization', wren.auth)
        .send({ days: 1 })
        .expect(403);
      await t
        .request()
        .put(`/api/groups/${group.id}/retention`)
        .set('Authorization', facilitator.auth)
        .send({ days: 0 })
        .expect(400);
      await t
        .request()
        .put(`/api/groups/${group.id}/retention`)
        .set('Authorization', facilitator.auth)
        .send({ days: 2 })
        .expect(200, { days: 2 });

      const { RetentionService } = await import('@hearth/chat');
      expect(await t.app.get(RetentionService).purge()).toBe(1);
      const history = await t
        .request()
        .get(`/api/groups/${group.id}/messages`)
        .set('Authorization', wren.auth)
        .expect(200);
      expect(history.body.map((m: MessageDto) => m.body)).toEqual(['new']);
    });
  });
});
