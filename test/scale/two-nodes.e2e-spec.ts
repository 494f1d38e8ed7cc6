import { randomUUID } from 'node:crypto';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { postgresAvailable } from '../support/postgres.js';
import { redisAvailable } from '../support/redis.js';
import { collect, connect, until } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

const pg = await postgresAvailable();
const redis = await redisAvailable();
const describeWithServices = pg && redis ? describe : describe.skip;

/**
 * Two API nodes on one PostgreSQL database and one Redis, as behind a load balancer. (Both run in this test's
 * process; they share nothing but the database and Redis.)
 */
describeWithServices('Two nodes through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let database: string;
  let admin: TestUser;

  beforeAll(async () => {
    database = `hearth_nodes_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await pg!.admin((client) => client.query(`CREATE DATABASE ${database}`));
    const env = {
      DATABASE_URL: pg!.urlFor(database),
      REDIS_URL: redis!,
      // Its own channels: other test runs may share this Redis.
      REDIS_PREFIX: database,
      JWT_SECRET: 'n'.repeat(40),
      MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
      CHAT_RATE_LIMIT: '1000',
    };
    a = await createTestApp({ env });
    b = await createTestApp({ env });
    admin = await registerUser(a);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await pg!.admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });

  it('delivers messages both ways between sockets on different nodes, and shows presence across them', async () => {
    const facilitator = await createAccount(a, admin, 'facilitator');
    const onA = await registerUser(a);
    const onB = await registerUser(b);
    const group = await createGroup(a, facilitator);
    await addActiveMember(a, facilitator, group.id, onA, 'Alder');
    await addActiveMember(b, facilitator, group.id, onB, 'Birch');

    const socketA = await connect(a, onA);
    const socketB = await connect(b, onB);
    await socketA.emitWithAck('group:join', { groupId: group.id });
    const joinedB = await socketB.emitWithAck('group:join', { groupId: group.id });
    expect(joinedB.ok && joinedB.online.length).toBe(2);

    const inboxA = collect(socketA, 'message:new');
    const inboxB = collect(socketB, 'message:new');
    await socketA.emitWithAck('message:send', {
      groupId: group.id,
      clientId: randomUUID(),
      body: 'from node A',
    });
    await socketB.emitWithAck('message:send', {
      groupId: group.id,
      clientId: randomUUID(),
      body: 'from node B',
    });
    await until(() => inboxA.length === 1 && inboxB.length === 1, 'cross-node delivery');
    expect(inboxB[0].body).toBe('from node A');
    expect(inboxA[0].body).toBe('from node B');

    // Concurrent sends on both nodes share one gap-free order.
    const acks = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? socketA : socketB).emitWithAck('message:send', {
          groupId: group.id,
          clientId: randomUUID(),
          body: `m${i}`,
        }),
      ),
    );
    const seqs = acks.map((ack) => (ack.ok ? (ack.message.seq ?? 0) : 0)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));

    // Catch-up works whichever node the client comes back to.
    const back = await connect(a, onB);
    const rejoined = await back.emitWithAck('group:join', { groupId: group.id, sinceSeq: 2 });
    expect(rejoined.ok && rejoined.missed.map((m) => m.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 3),
    );
  });

  it('enforces on node B, at once, what a facilitator does through node A: mode, mute, removal, sign-out', async () => {
    const facilitator = await createAccount(a, admin, 'facilitator');
    const wren = await registerUser(a);
    const ash = await registerUser(a);
    const group = await createGroup(a, facilitator);
    await addActiveMember(a, facilitator, group.id, wren, 'Wren');
    await addActiveMember(a, facilitator, group.id, ash, 'Ash');
    // Wren and Ash are connected to node B; they post once, so node B has read their state into its caches.
    const wrenOnB = await connect(b, wren);
    const ashOnB = await connect(b, ash);
    for (const socket of [wrenOnB, ashOnB]) await socket.emitWithAck('group:join', { groupId: group.id });
    const send = (socket: typeof wrenOnB, body: string) =>
      socket.emitWithAck('message:send', { groupId: group.id, clientId: randomUUID(), body });
    expect((await send(wrenOnB, 'hello')).ok).toBe(true);
    const api = (method: 'put' | 'post' | 'delete', path: string, body: object = {}) =>
      a.request()[method](`/api/groups/${group.id}${path}`).set('Authorization', facilitator.auth).send(body);

    await api('put', '/moderation/mode', { mode: 'read_only' }).expect(200);
    await until(async () => (await send(ashOnB, 'still open?')).ok === false, 'read-only on node B', 1000);
    expect(await send(ashOnB, 'still open?')).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    await api('put', '/moderation/mode', { mode: 'open' }).expect(200);

    const notices = collect(wrenOnB, 'notice');
    await api('post', '/moderation/mutes', { userId: wren.id, minutes: 60 }).expect(201);
    await until(() => notices.some((n) => n.kind === 'moderation.muted'), 'the mute notice on node B');
    expect(await send(wrenOnB, 'muted?')).toMatchObject({ ok: false, error: { code: 'MUTED' } });

    await api('delete', `/members/${ash.id}`).expect(204);
    const removed = collect(ashOnB, 'notice');
    await until(() => removed.some((n) => n.kind === 'membership.removed'), 'the removal notice on node B');
    expect(await send(ashOnB, 'removed?')).toMatchObject({ ok: false });
    // Relayed events update memory only: the removal is written to the audit log once, not once per node.
    const audit = await a
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
});

if (!pg || !redis) {
  describe('Two nodes through Redis', () => {
    it('is skipped: PostgreSQL or Redis is not running (start them, or see REQUIRE_SERVICES)', () => {
      expect(process.env.REQUIRE_SERVICES).not.toBe('1');
    });
  });
}
