import { randomUUID } from 'node:crypto';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { settle } from '../moderation/support.js';
import { collect, connect, type ClientSocket } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

/** Every socket event has a budget, per connection and per person (docs/events.md, "Budgets"). */
describe('Socket event budgets', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '1000' } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    ash = await registerUser(t);
    group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
  });

  afterEach(async () => {
    await t.close();
  });

  async function joined(user: TestUser): Promise<ClientSocket> {
    const socket = await connect(t, user);
    const ack = await socket.emitWithAck('group:join', { groupId: group.id });
    if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
    return socket;
  }

  it('stops typing events that alternate true and false once a connection’s budget is spent', async () => {
    const typist = await joined(wren);
    const peer = await joined(ash);
    const seen = collect(peer, 'typing');
    const acks = [];
    for (let i = 0; i < 130; i++) {
      acks.push(await typist.emitWithAck('typing', { groupId: group.id, isTyping: i % 2 === 0 }));
    }
    const refused = acks.filter((ack) => !ack.ok);
    expect(refused.length).toBe(10);
    expect(refused[0]).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } },
    });
    await settle();
    expect(seen.length).toBeLessThanOrEqual(120);
    // Someone else's budget is their own.
    expect(await peer.emitWithAck('typing', { groupId: group.id, isTyping: true })).toMatchObject({
      ok: true,
    });
  });

  it('closes a connection that keeps sending after 60 refusals in a minute, tells it why, and holds the account off for a minute', async () => {
    const typist = await joined(wren);
    const notices = collect(typist, 'notice');
    const closed = new Promise<string>((resolve) => typist.on('disconnect', (reason) => resolve(reason)));
    let refusals = 0;
    // 120 allowed, then refusals; the 61st refusal closes the connection (its ack never comes).
    for (let i = 0; i < 120 + 60; i++) {
      const ack = await typist.emitWithAck('typing', { groupId: group.id, isTyping: i % 2 === 0 });
      if (!ack.ok) refusals++;
    }
    expect(refusals).toBe(60);
    expect(typist.connected).toBe(true);
    typist.emit('typing', { groupId: group.id, isTyping: true });
    expect(await closed).toBe('io server disconnect');
    expect(notices).toContainEqual({
      kind: 'connection.closed',
      message: 'This connection sent too many requests and was closed. It reconnects in a minute.',
    });
    // The account may not come straight back (that would trade refused events for costlier handshakes) ...
    await expect(connect(t, wren)).rejects.toMatchObject({
      message: 'A connection of this account sent too many requests; try again in 60 s',
      data: { code: 'RATE_LIMITED' },
    });
    // ... nor is anyone else held back, and after the minute it may connect again.
    expect((await joined(ash)).connected).toBe(true);
    t.clock.advance(60_001);
    expect((await joined(wren)).connected).toBe(true);
  });

  it('limits joins and leaves per connection, and per person across connections', async () => {
    const first = await connect(t, wren);
    const join = (socket: ClientSocket) => socket.emitWithAck('group:join', { groupId: group.id });
    const onFirst = [];
    for (let i = 0; i < 301; i++) onFirst.push(await join(first));
    expect(onFirst.slice(0, 300).every((ack) => ack.ok)).toBe(true);
    expect(onFirst[300]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });

    // The person's budget (600 a minute with up to 10 connections; 300 spent above) holds across connections.
    const second = await connect(t, wren);
    const third = await connect(t, wren);
    const more = [];
    for (let i = 0; i < 300; i++) more.push(await join(second));
    more.push(await join(third));
    expect(more.filter((ack) => ack.ok)).toHaveLength(300);
    expect(more.at(-1)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('bounds catch-up by volume: past 2,000 messages a minute, a shorter page and hasMore, then a refusal', async () => {
    const writer = await joined(ash);
    for (let i = 0; i < 120; i++) {
      const ack = await writer.emitWithAck('message:send', {
        groupId: group.id,
        clientId: randomUUID(),
        body: `note ${i}`,
      });
      if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack)}`);
    }
    const reader = await connect(t, wren);
    const sizes: (number | string)[] = [];
    for (let i = 0; i < 18; i++) {
      const ack = await reader.emitWithAck('group:join', { groupId: group.id, sinceSeq: 0 });
      sizes.push(ack.ok ? `${ack.missed.length}${ack.hasMore ? '+' : ''}` : ack.error.code);
    }
    // 16 full catch-ups of 120 spend 1,920; the 17th gets the 80 left and pages the rest; the 18th is refused.
    expect(sizes).toEqual([...Array(16).fill('120'), '80+', 'RATE_LIMITED']);
  });

  it('refuses reactions past the budget, and a refused reaction changes nothing', async () => {
    const socket = await joined(wren);
    const peer = await joined(ash);
    const ack = await peer.emitWithAck('message:send', {
      groupId: group.id,
      clientId: randomUUID(),
      body: 'hi',
    });
    if (!ack.ok) throw new Error('send failed');
    const acks = [];
    for (let i = 0; i < 61; i++) {
      acks.push(
        await socket.emitWithAck(i % 2 === 0 ? 'reaction:add' : 'reaction:remove', {
          messageId: ack.message.id,
          emoji: '🙏',
        }),
      );
    }
    expect(acks.slice(0, 60).every((a) => a.ok)).toBe(true);
    // The 61st would have added the reaction again; it is refused and the message keeps none.
    expect(acks[60]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const history = await t
      .request()
      .get(`/api/groups/${group.id}/messages/${ack.message.id}`)
      .set('Authorization', wren.auth)
      .expect(200);
    expect(history.body.reactions).toEqual([]);
  });
});
