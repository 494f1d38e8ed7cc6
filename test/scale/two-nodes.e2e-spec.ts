import { randomUUID } from 'node:crypto';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { postgresAvailable } from '../support/postgres.js';
import { redisAvailable } from '../support/redis.js';
import { collect, connect, until } from '../support/sockets.js';
import { createAccount, registerUser } from '../support/users.js';

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

  beforeAll(async () => {
    database = `hearth_nodes_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await pg!.admin((client) => client.query(`CREATE DATABASE ${database}`));
    const env = {
      DATABASE_URL: pg!.urlFor(database),
      REDIS_URL: redis!,
      JWT_SECRET: 'n'.repeat(40),
      MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
      CHAT_RATE_LIMIT: '1000',
    };
    a = await createTestApp({ env });
    b = await createTestApp({ env });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await pg!.admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });

  it('delivers messages both ways between sockets on different nodes, and shows presence across them', async () => {
    const admin = await registerUser(a);
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
});

if (!pg || !redis) {
  describe('Two nodes through Redis', () => {
    it('is skipped: PostgreSQL or Redis is not running (start them, or see REQUIRE_SERVICES)', () => {
      expect(process.env.REQUIRE_SERVICES).not.toBe('1');
    });
  });
}
