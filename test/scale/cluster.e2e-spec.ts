import { randomUUID } from 'node:crypto';

import type { MessageDto } from '@hearth/contracts';

import { addActiveFacilitator, addActiveMember, createGroup } from '../support/groups.js';
import { builtServerAvailable, startNode, type ApiNode } from '../support/node-process.js';
import { SHARED_VAPID_KEYS, postgresAvailable } from '../support/postgres.js';
import { startPushService, type TestPushService } from '../support/push-service.js';
import { redisAvailable } from '../support/redis.js';
import { collect, connect, until, type ClientSocket } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

const pg = await postgresAvailable();
const redis = await redisAvailable();
const built = builtServerAvailable();
const describeCluster = pg && redis && built ? describe : describe.skip;

const CHAT_RATE_LIMIT = 40;

/**
 * Two API processes (`node dist/apps/api/main.js`) on different ports, sharing one PostgreSQL database and one
 * Redis, as behind a load balancer. They share nothing else.
 */
describeCluster('A cluster of two API processes', () => {
  let a: ApiNode;
  let b: ApiNode;
  let database: string;
  let admin: TestUser;
  let facilitator: TestUser;
  let push: TestPushService;

  beforeAll(async () => {
    database = await pg!.createDatabase('hearth_cluster');
    push = await startPushService();
    const env = {
      DATABASE_URL: pg!.urlFor(database),
      REDIS_URL: redis!,
      // Its own keys and channels: other runs may share this Redis.
      REDIS_PREFIX: database,
      JWT_SECRET: 'c'.repeat(40),
      MASTER_KEY: Buffer.alloc(32, 5).toString('base64'),
      ...SHARED_VAPID_KEYS,
      CHAT_RATE_LIMIT: String(CHAT_RATE_LIMIT),
      THROTTLE_LIMIT: '100000',
      AUTH_THROTTLE_LIMIT: '100000',
      // Staff two-step verification has its own spec (test/identity/two-factor); elsewhere staff sign in with a password.
      STAFF_2FA: 'optional',
      // Crisis alerts go to a push service started by the test, and are repeated every 3 s.
      PUSH_SERVICE_HOSTS: push.host,
      NODE_EXTRA_CA_CERTS: push.certFile,
      CRISIS_REPEAT_MINUTES: '0.05',
    };
    // Both start at once on an empty database: the migrations must run once, not race.
    [a, b] = await Promise.all([startNode(env), startNode(env)]);
    admin = await registerUser(a);
    facilitator = await createAccount(a, admin, 'facilitator');
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await push?.close();
    await pg!.dropDatabase(database);
  });

  afterEach(() => {
    // Shown only when a test failed and left something worth reading.
    for (const node of [a, b]) if (node.output.some((line) => /error/i.test(line))) console.log(node.output);
  });

  const send = (socket: ClientSocket, groupId: string, body: string) =>
    socket.emitWithAck('message:send', { groupId, clientId: randomUUID(), body });

  it('carries chat both ways, shows presence across nodes, and gives every client one gap-free order', async () => {
    const onA = await registerUser(a);
    const onB = await registerUser(b);
    const group = await createGroup(a, facilitator);
    const alder = await addActiveMember(a, facilitator, group.id, onA, 'Alder');
    const birch = await addActiveMember(b, facilitator, group.id, onB, 'Birch');

    const socketA = await connect(a, onA);
    const socketB = await connect(b, onB);
    const presence = collect(socketA, 'presence');
    await socketA.emitWithAck('group:join', { groupId: group.id });
    const joinedB = await socketB.emitWithAck('group:join', { groupId: group.id });
    expect(joinedB.ok && [...joinedB.online].sort()).toEqual([alder.membershipId, birch.membershipId].sort());
    await until(() => presence.some((p) => p.online.length === 2), 'node A hears that Birch came online');

    const inboxA = collect(socketA, 'message:new');
    const inboxB = collect(socketB, 'message:new');
    expect((await send(socketA, group.id, 'from node A')).ok).toBe(true);
    expect((await send(socketB, group.id, 'from node B')).ok).toBe(true);
    await until(() => inboxA.length === 1 && inboxB.length === 1, 'cross-node delivery');
    expect(inboxB[0].body).toBe('from node A');
    expect(inboxA[0].body).toBe('from node B');

    // Concurrent sends on both nodes: one gap-free order, and every client sees it identically.
    const watcherOnA = await connect(a, facilitator);
    const watcherOnB = await connect(b, facilitator);
    const seenA = collect(watcherOnA, 'message:new');
    const seenB = collect(watcherOnB, 'message:new');
    for (const watcher of [watcherOnA, watcherOnB])
      await watcher.emitWithAck('group:join', { groupId: group.id });
    const acks = await Promise.all(
      Array.from({ length: 30 }, (_, i) => send(i % 2 ? socketA : socketB, group.id, `m${i}`)),
    );
    const seqs = acks.map((ack) => (ack.ok ? (ack.message.seq ?? 0) : 0)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 3));
    await until(() => seenA.length === 30 && seenB.length === 30, 'all 30 on both watchers');
    // Live arrival order may differ between nodes (each node emits its own commits first); the timeline, ordered
    // by seq as docs/events.md asks clients to do, is the same for everyone, with no gap and no duplicate.
    const timeline = (inbox: MessageDto[]) =>
      [...inbox].sort((x, y) => (x.seq ?? 0) - (y.seq ?? 0)).map((message) => `${message.seq}:${message.id}`);
    expect(timeline(seenA)).toEqual(timeline(seenB));
    expect(timeline(seenA).map((entry) => Number(entry.split(':')[0]))).toEqual(seqs);

    // Catch-up with sinceSeq works whichever node the client comes back to.
    for (const node of [a, b]) {
      const back = await connect(node, onB);
      const rejoined = await back.emitWithAck('group:join', { groupId: group.id, sinceSeq: 2 });
      expect(rejoined.ok && rejoined.missed.map((m) => m.seq)).toEqual(seqs);
      back.disconnect();
    }

    // Presence follows a socket leaving on the other node.
    socketB.disconnect();
    await until(
      () => presence.at(-1)?.online.includes(birch.membershipId) === false,
      'node A hears that Birch left',
    );
  });

  it('enforces on node B, within a Redis round trip, what is done through node A: agreement, mode, mute, ban, removal, sign-out', async () => {
    const wren = await registerUser(a);
    const ash = await registerUser(a);
    const rowan = await registerUser(a);
    const group = await createGroup(a, facilitator);
    for (const [user, pseudonym] of [
      [wren, 'Wren'],
      [ash, 'Ash'],
      [rowan, 'Rowan'],
    ] as const) {
      await addActiveMember(a, facilitator, group.id, user, pseudonym);
    }
    // They are connected to node B and post once, so node B has read their state into its caches.
    const [wrenOnB, ashOnB, rowanOnB] = await Promise.all([
      connect(b, wren),
      connect(b, ash),
      connect(b, rowan),
    ]);
    for (const socket of [wrenOnB, ashOnB, rowanOnB]) {
      await socket.emitWithAck('group:join', { groupId: group.id });
      expect((await send(socket, group.id, `hello from ${socket.id}`)).ok).toBe(true);
    }
    const api = (method: 'put' | 'post' | 'delete', path: string, body: object = {}) =>
      a.request()[method](`/api/groups/${group.id}${path}`).set('Authorization', facilitator.auth).send(body);

    // A change made through node A reaches node B as a relayed event, within a Redis round trip: a post on B
    // right after the answer from A may still race it, so B is given that moment (and no more than 2 s).
    const answerOnB = async (socket: ClientSocket, body: string, ok: boolean) => {
      let last: Awaited<ReturnType<typeof send>> | null = null;
      let attempt = 0;
      // A different text each attempt, so that repeat detection never answers in the mute's place.
      const attempted = async () => (last = await send(socket, group.id, `${body} (${++attempt})`)).ok === ok;
      await until(attempted, `"${body}" on B`, 2000);
      return last!;
    };
    // A new agreement through node A: the sockets on node B may read but not post until their person accepts
    // it (through node B here).
    const consent = collect(ashOnB, 'notice');
    await api('put', '/agreement', { text: 'Version 2: what is shared here stays here.' }).expect(200);
    await until(() => consent.some((n) => n.kind === 'consent.required'), 'the consent notice on node B');
    expect(await send(ashOnB, group.id, 'before accepting')).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_REQUIRED', details: { version: 2 } },
    });
    for (const [user, socket] of [
      [wren, wrenOnB],
      [ash, ashOnB],
      [rowan, rowanOnB],
    ] as const) {
      await b
        .request()
        .post(`/api/groups/${group.id}/agreement/accept`)
        .set('Authorization', user.auth)
        .send({ version: 2 })
        .expect(200);
      await answerOnB(socket, 'accepted', true);
    }

    await api('put', '/moderation/mode', { mode: 'read_only' }).expect(200);
    expect(await answerOnB(ashOnB, 'still open?', false)).toMatchObject({ error: { code: 'READ_ONLY' } });
    await api('put', '/moderation/mode', { mode: 'open' }).expect(200);
    await answerOnB(ashOnB, 'open again', true);

    await api('post', '/moderation/mutes', { userId: wren.id, minutes: 60 }).expect(201);
    expect(await answerOnB(wrenOnB, 'muted?', false)).toMatchObject({ error: { code: 'MUTED' } });

    const banned = collect(rowanOnB, 'notice');
    await api('post', '/bans', { userId: rowan.id }).expect(204);
    await until(() => banned.some((n) => n.kind === 'membership.banned'), 'the ban notice on node B');
    expect((await send(rowanOnB, group.id, 'banned?')).ok).toBe(false);

    const removed = collect(ashOnB, 'notice');
    await api('delete', `/members/${ash.id}`).expect(204);
    await until(() => removed.some((n) => n.kind === 'membership.removed'), 'the removal notice on node B');
    expect((await send(ashOnB, group.id, 'removed?')).ok).toBe(false);
    // Relayed events update memory only: the removal is written to the audit log once, not once per node.
    const audit = await b
      .request()
      .get(`/api/groups/${group.id}/audit?action=member.removed`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect(audit.body).toHaveLength(1);

    // Signing out through node A closes the session's socket on node B.
    const signOut = collect(wrenOnB, 'notice');
    await a.request().post('/api/auth/logout').set('Authorization', wren.auth).expect(204);
    await until(
      () => signOut.some((n) => n.kind === 'session.ended') && !wrenOnB.connected,
      'sign-out on node B',
    );
  });

  it('shares slow mode, repeat detection and the send budget between the nodes', async () => {
    const hazel = await registerUser(a);
    const group = await createGroup(a, facilitator);
    // Slow mode is tried in a group of its own, which neither node has read yet: a mode change travels to the
    // other node as an event, and this test is about the counters, not about that moment.
    const slow = await createGroup(a, facilitator);
    for (const id of [group.id, slow.id]) await addActiveMember(a, facilitator, id, hazel, 'Hazel');
    const onA = await connect(a, hazel);
    const onB = await connect(b, hazel);
    for (const socket of [onA, onB]) {
      for (const id of [group.id, slow.id]) await socket.emitWithAck('group:join', { groupId: id });
    }

    // Slow mode: a post on node A makes node B wait too.
    await a
      .request()
      .put(`/api/groups/${slow.id}/moderation/mode`)
      .set('Authorization', facilitator.auth)
      .send({ mode: 'slow', slowSeconds: 60 })
      .expect(200);
    expect((await send(onA, slow.id, 'one thought')).ok).toBe(true);
    expect(await send(onB, slow.id, 'and another')).toMatchObject({
      ok: false,
      error: { code: 'SLOW_MODE' },
    });

    // The same words a third time within a minute are refused, whichever node saw the first two.
    expect((await send(onA, group.id, 'is anyone here?')).ok).toBe(true);
    expect((await send(onB, group.id, 'Is anyone here?')).ok).toBe(true);
    expect(await send(onA, group.id, 'is anyone here?')).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { repeated: true } },
    });

    // One send budget across the nodes: half spent on each, then both refuse.
    const used = 5; // every attempt above, refused or not, counted against the budget
    const remaining = CHAT_RATE_LIMIT - used;
    const results = [];
    for (let i = 0; i < remaining; i += 1) results.push(await send(i % 2 ? onA : onB, group.id, `n${i}`));
    expect(results.filter((ack) => ack.ok)).toHaveLength(remaining);
    for (const socket of [onA, onB]) {
      expect(await send(socket, group.id, 'one more')).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });
    }
  });

  it('shares the catch-up allowance between the nodes: catch-ups on A and B count against one person', async () => {
    const ivy = await registerUser(a);
    const writer = await registerUser(a);
    const group = await createGroup(a, facilitator);
    await addActiveMember(a, facilitator, group.id, ivy, 'Ivy');
    await addActiveMember(a, facilitator, group.id, writer, 'Wisteria');
    const writing = await connect(a, writer);
    await writing.emitWithAck('group:join', { groupId: group.id });
    for (let i = 0; i < 20; i += 1) expect((await send(writing, group.id, `note ${i}`)).ok).toBe(true);
    const onA = await connect(a, ivy);
    const onB = await connect(b, ivy);
    // 2,000 missed messages a minute per person (docs/events.md): 100 catch-ups of 20, alternating nodes.
    const sizes = [];
    for (let i = 0; i < 101; i += 1) {
      const ack = await (i % 2 ? onA : onB).emitWithAck('group:join', { groupId: group.id, sinceSeq: 0 });
      sizes.push(ack.ok ? ack.missed.length : ack.error.code);
    }
    expect(sizes.slice(0, 100)).toEqual(Array(100).fill(20));
    expect(sizes[100]).toBe('RATE_LIMITED');
  });

  it('takes a demoted facilitator’s powers away on the other node at once: no more crisis alerts there', async () => {
    const lead = await createAccount(a, admin, 'facilitator');
    const cofacilitator = await createAccount(a, admin, 'facilitator');
    const willow = await registerUser(a);
    const group = await createGroup(a, lead);
    await addActiveMember(a, lead, group.id, willow, 'Willow');
    await addActiveFacilitator(a, lead, group.id, cofacilitator, 'Co');
    const leadAlerts = collect(await connect(b, lead), 'safety:alert');
    const coSocket = await connect(b, cofacilitator);
    const coAlerts = collect(coSocket, 'safety:alert');
    const coNotices = collect(coSocket, 'notice');

    await a
      .request()
      .patch(`/api/admin/users/${cofacilitator.id}`)
      .set('Authorization', admin.auth)
      .send({ role: 'member' })
      .expect(200);
    // The role change reaches node B as a relayed event; node B says so to her socket once it has acted on it.
    await until(
      () => coNotices.some((n) => (n as { kind: string }).kind === 'role.changed'),
      'node B to act on the role change',
      10_000,
    );
    const member = await connect(a, willow);
    await member.emitWithAck('group:join', { groupId: group.id });
    expect((await send(member, group.id, 'I want to end my life')).ok).toBe(true);
    await until(() => leadAlerts.length === 1, 'the lead facilitator’s alert on node B', 5_000);
    await new Promise((wait) => setTimeout(wait, 300));
    expect(coAlerts).toEqual([]);
  });

  it('pages a crisis from one node only, round after round, and an acknowledgement on the other stops it', async () => {
    const lead = await createAccount(a, admin, 'facilitator');
    const fern = await registerUser(b);
    const group = await createGroup(a, lead);
    await addActiveMember(a, lead, group.id, fern, 'Fern');
    const phone = push.device();
    await b
      .request()
      .post('/api/me/push-subscriptions')
      .set('Authorization', lead.auth)
      .send({ endpoint: phone.endpoint, keys: phone.keys })
      .expect(201);
    const member = await connect(a, fern);
    await member.emitWithAck('group:join', { groupId: group.id });
    expect((await send(member, group.id, 'the pills are counted out, tonight i end it')).ok).toBe(true);

    // Both nodes' workers and pagers run; each round reaches the phone once.
    await push.until(phone, 3, 15_000);
    const gaps = phone.received.slice(1).map((next, i) => next.at - phone.received[i].at);
    expect(gaps.every((gap) => gap > 1_500)).toBe(true);
    expect(new Set(phone.received.map((received) => received.payload.tag)).size).toBe(1);

    const [incident] = (
      await b
        .request()
        .get(`/api/groups/${group.id}/moderation/incidents`)
        .set('Authorization', lead.auth)
        .expect(200)
    ).body as { id: string }[];
    await b
      .request()
      .post(`/api/groups/${group.id}/moderation/incidents/${incident.id}/acknowledge`)
      .set('Authorization', lead.auth)
      .send({ note: 'Phoned her; her sister is with her' })
      .expect(200);
    const paged = phone.received.length;
    await new Promise((wait) => setTimeout(wait, 7_000));
    // At most one round that was already on its way when the acknowledgement landed.
    expect(phone.received.length - paged).toBeLessThanOrEqual(1);
    const settled = phone.received.length;
    await new Promise((wait) => setTimeout(wait, 4_000));
    expect(phone.received.length).toBe(settled);
  }, 40_000);
});

if (!pg || !redis || !built) {
  describe('A cluster of two API processes', () => {
    it('is skipped: PostgreSQL, Redis or the build is missing (see REQUIRE_SERVICES)', () => {
      expect(process.env.REQUIRE_SERVICES).not.toBe('1');
    });
  });
}
