import { randomUUID } from 'node:crypto';

import { ChatEvents } from '@hearth/chat';

import { createTestApp, type TestApp } from '../support/app.js';
import { recordDomainEvents } from '../support/events.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until, type ClientSocket } from '../support/sockets.js';
import { createAccount, eraseAccount, registerUser, type TestUser } from '../support/users.js';

describe('Chat domain events: message.posted, message.edited, message.removed', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let group: GroupCard;
  let wrenMembership: string;
  let ashMembership: string;
  let recorder: ReturnType<typeof recordDomainEvents>;

  beforeEach(async () => {
    t = await createTestApp();
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    ash = await registerUser(t);
    group = await createGroup(t, facilitator, { facilitatorPseudonym: 'Fran' });
    wrenMembership = (await addActiveMember(t, facilitator, group.id, wren, 'Wren')).membershipId;
    ashMembership = (await addActiveMember(t, facilitator, group.id, ash, 'River Stone')).membershipId;
    recorder = recordDomainEvents(t);
  });

  afterEach(async () => {
    recorder.stop();
    await t.close();
  });

  async function joined(user: TestUser): Promise<ClientSocket> {
    const socket = await connect(t, user);
    const ack = await socket.emitWithAck('group:join', { groupId: group.id });
    if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
    return socket;
  }

  async function send(socket: ClientSocket, body: string, extra: object = {}) {
    const ack = await socket.emitWithAck('message:send', {
      groupId: group.id,
      clientId: randomUUID(),
      body,
      ...extra,
    });
    if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack)}`);
    return ack.message;
  }

  it('announces a posted message after commit, with its author, the author it answers and who it names', async () => {
    const wrenSocket = await joined(wren);
    const ashSocket = await joined(ash);
    const first = await send(ashSocket, 'Today was heavy.');
    const reply = await send(wrenSocket, 'I hear you @river stone, and @Fran too', { replyToId: first.id });

    const posted = recorder.of(ChatEvents.messagePosted);
    expect(posted).toHaveLength(2);
    expect(posted[1]).toMatchObject({
      groupId: group.id,
      messageId: reply.id,
      seq: reply.seq,
      authorMembershipId: wrenMembership,
      authorUserId: wren.id,
      kind: 'text',
      replyToMembershipId: ashMembership,
      originSocketId: wrenSocket.id,
      message: { id: reply.id, body: 'I hear you @river stone, and @Fran too' },
    });
    expect(posted[1].mentionedMembershipIds).toHaveLength(2);
    expect(posted[1].mentionedMembershipIds).toContain(ashMembership);
    expect(posted[0]).toMatchObject({ replyToMembershipId: null, mentionedMembershipIds: [] });
    expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
  });

  it('sends nothing twice: a retried clientId is not posted again', async () => {
    const socket = await joined(wren);
    const clientId = randomUUID();
    await socket.emitWithAck('message:send', { groupId: group.id, clientId, body: 'once' });
    await socket.emitWithAck('message:send', { groupId: group.id, clientId, body: 'once' });
    expect(recorder.of(ChatEvents.messagePosted)).toHaveLength(1);
  });

  it('announces an edit and an author deleting, and the sockets hear them through the events', async () => {
    const wrenSocket = await joined(wren);
    const ashSocket = await joined(ash);
    const updates = collect(ashSocket, 'message:updated');
    const deletions = collect(ashSocket, 'message:deleted');
    const ownEcho = collect(wrenSocket, 'message:updated');
    const message = await send(wrenSocket, 'first words');

    await wrenSocket.emitWithAck('message:edit', { messageId: message.id, body: 'better words' });
    // The same text again changes nothing and announces nothing.
    await wrenSocket.emitWithAck('message:edit', { messageId: message.id, body: 'better words' });
    expect(recorder.of(ChatEvents.messageEdited)).toEqual([
      expect.objectContaining({
        groupId: group.id,
        messageId: message.id,
        seq: message.seq,
        authorMembershipId: wrenMembership,
        originSocketId: wrenSocket.id,
      }),
    ]);
    await until(() => updates.length === 1, 'update');
    expect(updates[0]).toMatchObject({ id: message.id, body: 'better words' });

    await wrenSocket.emitWithAck('message:delete', { messageId: message.id });
    expect(recorder.of(ChatEvents.messageRemoved)).toEqual([
      expect.objectContaining({
        messageId: message.id,
        seq: message.seq,
        cause: 'author',
        byUserId: wren.id,
        authorUserId: wren.id,
      }),
    ]);
    await until(() => deletions.length === 1, 'deletion');
    expect(deletions[0]).toEqual({ groupId: group.id, messageId: message.id, seq: message.seq });
    // The connection that made the change has its answer in the ack, and is not told again.
    expect(ownEcho).toEqual([]);
    expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
  });

  it('posts a shared reflection with no origin (everyone hears it), and withdrawing it removes it', async () => {
    const wrenSocket = await joined(wren);
    const heard = collect(wrenSocket, 'message:new');
    const entry = await t
      .request()
      .post('/api/journal/entries')
      .set('Authorization', wren.auth)
      .send({ body: 'Something I learned about rest.' })
      .expect(201);
    const share = await t
      .request()
      .post(`/api/journal/entries/${entry.body.id}/shares`)
      .set('Authorization', wren.auth)
      .send({ groupId: group.id, target: 'group' })
      .expect(201);
    const [posted] = recorder.of(ChatEvents.messagePosted);
    expect(posted).toMatchObject({ kind: 'reflection', originSocketId: null, authorUserId: wren.id });
    await until(() => heard.length === 1, 'the reflection');

    await t
      .request()
      .delete(`/api/journal/shares/${share.body.id}`)
      .set('Authorization', wren.auth)
      .expect(204);
    expect(recorder.of(ChatEvents.messageRemoved)).toEqual([
      expect.objectContaining({ messageId: share.body.messageId, cause: 'share_withdrawn' }),
    ]);
  });

  it('announces a facilitator removal, and every message of an erased account', async () => {
    const wrenSocket = await joined(wren);
    const one = await send(wrenSocket, 'one');
    const two = await send(wrenSocket, 'two');
    await t
      .request()
      .post(`/api/groups/${group.id}/moderation/messages/${one.id}/remove`)
      .set('Authorization', facilitator.auth)
      .send({ reason: 'off topic' })
      .expect(200);
    expect(recorder.of(ChatEvents.messageRemoved)).toEqual([
      expect.objectContaining({
        messageId: one.id,
        cause: 'facilitator',
        byUserId: facilitator.id,
        authorUserId: wren.id,
        tombstone: expect.objectContaining({ id: one.id, status: 'removed', body: null }),
      }),
    ]);

    await eraseAccount(t, wren);
    const erased = recorder.of(ChatEvents.messageRemoved).filter((e) => e.cause === 'erasure');
    expect(erased.map((e) => e.messageId).sort()).toEqual([one.id, two.id].sort());
    expect(erased.every((e) => e.authorUserId === null && e.byUserId === null)).toBe(true);
    expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
  });
});
