import { randomUUID } from 'node:crypto';

import { MessageWriter } from '@hearth/chat';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { SHARED_VAPID_KEYS, postgresAvailable } from '../support/postgres.js';
import { connect, type ClientSocket } from '../support/sockets.js';
import { createAccount, registerUser } from '../support/users.js';

const pg = await postgresAvailable();
const backends: [string, boolean][] = [
  ['SQLite', true],
  ['PostgreSQL', pg !== null],
];

describe.each(backends)('Group commit on %s', (name, available) => {
  const maybe = available ? it : it.skip;
  let t: TestApp;
  let database: string | null = null;
  let group: GroupCard;
  let other: GroupCard;
  let sockets: ClientSocket[];

  beforeAll(async () => {
    if (!available) return;
    const env: Record<string, string> = { CHAT_RATE_LIMIT: '1000' };
    if (name === 'PostgreSQL') {
      database = await pg!.createDatabase('hearth_commit');
      Object.assign(env, {
        DATABASE_URL: pg!.urlFor(database),
        JWT_SECRET: 'g'.repeat(40),
        MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
        ...SHARED_VAPID_KEYS,
      });
    }
    t = await createTestApp({ env });
    const admin = await registerUser(t);
    const facilitator = await createAccount(t, admin, 'facilitator');
    group = await createGroup(t, facilitator);
    other = await createGroup(t, facilitator);
    sockets = [];
    for (const pseudonym of ['Alder', 'Birch', 'Cedar']) {
      const user = await registerUser(t);
      await addActiveMember(t, facilitator, group.id, user, pseudonym);
      await addActiveMember(t, facilitator, other.id, user, pseudonym);
      const socket = await connect(t, user);
      await socket.emitWithAck('group:join', { groupId: group.id });
      await socket.emitWithAck('group:join', { groupId: other.id });
      sockets.push(socket);
    }
  });

  afterAll(async () => {
    await t?.close();
    if (database) await pg!.dropDatabase(database);
  });

  const send = (socket: ClientSocket, groupId: string, body: string, extra: object = {}) =>
    socket.emitWithAck('message:send', { groupId, clientId: randomUUID(), body, ...extra });

  const lastSeq = async (groupId: string) => {
    const ack = await sockets[0].emitWithAck('group:join', { groupId });
    return ack.ok ? ack.lastSeq : -1;
  };

  maybe(
    'writes messages that arrive together in shared transactions, with gap-free seqs per group',
    async () => {
      const writer = t.app.get(MessageWriter);
      const before = { ...writer.stats };
      const [startMain, startOther] = [await lastSeq(group.id), await lastSeq(other.id)];
      const acks = await Promise.all(
        Array.from({ length: 90 }, (_, i) =>
          send(sockets[i % 3], i % 2 ? group.id : other.id, `together ${i}`),
        ),
      );
      expect(acks.every((ack) => ack.ok)).toBe(true);
      const seqsIn = (groupId: string) =>
        acks
          .flatMap((ack) => (ack.ok && ack.message.groupId === groupId ? [ack.message.seq ?? 0] : []))
          .sort((x, y) => x - y);
      expect(seqsIn(group.id)).toEqual(Array.from({ length: 45 }, (_, i) => startMain + 1 + i));
      expect(seqsIn(other.id)).toEqual(Array.from({ length: 45 }, (_, i) => startOther + 1 + i));
      const batches = writer.stats.batches - before.batches;
      expect(writer.stats.messages - before.messages).toBe(90);
      // Fewer transactions than messages: that is the point.
      expect(batches).toBeLessThan(90);

      // Each ack came after its own commit: everything acked is readable at once.
      const page = await t
        .request()
        .get(`/api/groups/${group.id}/messages?after=${startMain}&limit=100`)
        .set('Authorization', `Bearer ${(sockets[0].auth as { token: string }).token}`)
        .expect(200);
      expect(page.body).toHaveLength(45);
    },
  );

  maybe('refuses only the bad message of a batch, and it takes no seq', async () => {
    const start = await lastSeq(group.id);
    const elsewhere = await send(sockets[0], other.id, 'in the other group');
    if (!elsewhere.ok) throw new Error('setup failed');
    const acks = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send(sockets[i % 3], group.id, `reply ${i}`, i === 5 ? { replyToId: elsewhere.message.id } : {}),
      ),
    );
    expect(acks[5]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const stored = acks.filter((ack) => ack.ok);
    expect(stored).toHaveLength(11);
    expect(stored.map((ack) => (ack.ok ? ack.message.seq : 0)).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(
      Array.from({ length: 11 }, (_, i) => start + 1 + i),
    );
  });

  maybe('stores a clientId sent twice in one batch once, and answers both with it', async () => {
    const start = await lastSeq(group.id);
    const clientId = randomUUID();
    const twice = { groupId: group.id, clientId, body: 'only once' };
    const acks = await Promise.all([
      sockets[1].emitWithAck('message:send', twice),
      send(sockets[0], group.id, 'a neighbour in the batch'),
      sockets[1].emitWithAck('message:send', twice),
    ]);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const [first, , second] = acks.map((ack) => (ack.ok ? ack.message : null));
    expect(second?.id).toBe(first?.id);
    expect(await lastSeq(group.id)).toBe(start + 2);
  });
});
