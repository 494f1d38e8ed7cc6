import { randomUUID } from 'node:crypto';

import { EventEmitter2 } from '@nestjs/event-emitter';
import { createClient } from 'redis';
import { DataSource } from 'typeorm';

import { RELAY_RESYNC } from '@hearth/core';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { redisAvailable } from '../support/redis.js';
import { collect, connect, until, type ClientSocket } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

/**
 * Domain events published while a node could not hear Redis are lost to it. When its subscription comes back it
 * re-reads what its sockets and caches rely on. Here the changes are written behind the node's back (no event),
 * as if their events had been lost, and the resync is what makes them take effect.
 */
describe('Resync after a lost Redis subscription', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let groupId: string;

  beforeEach(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '1000' } });
    const admin = await registerUser(t);
    facilitator = await createAccount(t, admin, 'facilitator');
    groupId = (await createGroup(t, facilitator)).id;
  });

  afterEach(async () => {
    await t.close();
  });

  async function member(pseudonym: string): Promise<{ user: TestUser; socket: ClientSocket }> {
    const user = await registerUser(t);
    await addActiveMember(t, facilitator, groupId, user, pseudonym);
    const socket = await connect(t, user);
    await socket.emitWithAck('group:join', { groupId });
    // A first post, so the node has read this person's mute state into its cache.
    expect((await send(socket, 'hello')).ok).toBe(true);
    return { user, socket };
  }

  const send = (socket: ClientSocket, body: string) =>
    socket.emitWithAck('message:send', { groupId, clientId: randomUUID(), body });
  const sql = (query: string, parameters: unknown[]) => t.app.get(DataSource).query(query, parameters);
  const resync = () => t.app.get(EventEmitter2).emitAsync(RELAY_RESYNC);

  it('applies a mute, a removal and a sign-out that the node never heard of', async () => {
    const wren = await member('Wren');
    const ash = await member('Ash');
    const rowan = await member('Rowan');

    await sql(
      `INSERT INTO mutes (id, group_id, user_id, muted_by, reason, created_at, ends_at, lifted_at, lifted_by)
       VALUES (?, ?, ?, ?, NULL, ?, NULL, NULL, NULL)`,
      [randomUUID(), groupId, wren.user.id, facilitator.id, sqliteDate(new Date(Date.now() - 1000))],
    );
    await sql(`UPDATE memberships SET status = 'removed' WHERE group_id = ? AND user_id = ?`, [
      groupId,
      ash.user.id,
    ]);
    await sql(`UPDATE sessions SET revoked_at = ?, revoked_reason = 'logout' WHERE user_id = ?`, [
      sqliteDate(new Date()),
      rowan.user.id,
    ]);
    // Stale until the resync: the node still holds what it read before.
    expect((await send(wren.socket, 'not muted yet')).ok).toBe(true);
    expect((await send(ash.socket, 'still in')).ok).toBe(true);

    const ashNotices = collect(ash.socket, 'notice');
    const rowanNotices = collect(rowan.socket, 'notice');
    await resync();

    expect(await send(wren.socket, 'muted now?')).toMatchObject({ ok: false, error: { code: 'MUTED' } });
    expect(ashNotices).toEqual([expect.objectContaining({ kind: 'membership.removed', groupId })]);
    expect((await send(ash.socket, 'removed?')).ok).toBe(false);
    await until(() => !rowan.socket.connected, 'the signed-out socket to close');
    expect(rowanNotices.map((notice) => notice.kind)).toEqual(['session.ended']);
  });

  it('asks for consent again when the agreement changed unheard, and leaves the unchanged alone', async () => {
    const wren = await member('Wren');
    const ash = await member('Ash');
    await sql(`UPDATE groups SET agreement_version = agreement_version + 1 WHERE id = ?`, [groupId]);
    await sql(
      `UPDATE memberships SET agreement_version = agreement_version + 1 WHERE group_id = ? AND user_id = ?`,
      [groupId, ash.user.id],
    );
    const wrenNotices = collect(wren.socket, 'notice');
    const ashNotices = collect(ash.socket, 'notice');
    await resync();
    await until(() => wrenNotices.length > 0, 'the consent notice');
    expect(wrenNotices.map((notice) => notice.kind)).toEqual(['consent.required']);
    expect(await send(wren.socket, 'may I?')).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_REQUIRED' },
    });
    expect(ashNotices).toEqual([]);
    expect((await send(ash.socket, 'still here')).ok).toBe(true);

    // Another resync tells nobody again: Wren already knows. (The ack of a send is the barrier: a socket's
    // events arrive in order.)
    await resync();
    await send(wren.socket, 'and now?');
    expect(wrenNotices).toHaveLength(1);
  });
});

/** How TypeORM stores a Date on SQLite. */
const sqliteDate = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 23);

const redis = await redisAvailable();
(redis ? describe : describe.skip)('The relay notices a dropped Redis subscription', () => {
  it('resyncs once its subscriber is back', async () => {
    const prefix = `hearth_resync_${randomUUID().slice(0, 8)}`;
    const t = await createTestApp({ env: { REDIS_URL: redis!, REDIS_PREFIX: prefix } });
    const admin = createClient({ url: redis! });
    await admin.connect();
    try {
      let resyncs = 0;
      t.app.get(EventEmitter2).on(RELAY_RESYNC, () => (resyncs += 1));
      const clients = (await admin.sendCommand(['CLIENT', 'LIST', 'TYPE', 'pubsub'])) as string;
      const ours = clients
        .split('\n')
        .filter((line) => line.includes(`name=${prefix}-relay `))
        .map((line) => /id=(\d+)/.exec(line)![1]);
      expect(ours).toHaveLength(1);
      await admin.sendCommand(['CLIENT', 'KILL', 'ID', ours[0]]);
      await until(() => resyncs === 1, 'the resync after the relay reconnected', 5000);
    } finally {
      await admin.quit();
      await t.close();
    }
  });
});
