import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from '@hearth/core';
import { chatEntities } from '@hearth/chat';
import { groupsEntities } from '@hearth/groups';
import { identityEntities } from '@hearth/identity';
import { journalEntities } from '@hearth/journal';
import { moderationEntities } from '@hearth/moderation';
import { notificationsEntities } from '@hearth/notifications';
import { questionnairesEntities } from '@hearth/questionnaires';

import { createTestApp } from '../support/app.js';
import { createGroup, createInvite, redeem } from '../support/groups.js';
import { connect } from '../support/sockets.js';
import { refresh, registerUser } from '../support/users.js';
import { SHARED_VAPID_KEYS, postgresAvailable, type PostgresTarget } from '../support/postgres.js';

const target: PostgresTarget | null = await postgresAvailable();
const describeWithPostgres = target ? describe : describe.skip;

describeWithPostgres('PostgreSQL', () => {
  let database: string;
  let url: string;

  beforeAll(async () => {
    database = await target!.createDatabase('hearth_test');
    url = target!.urlFor(database);
  });

  afterAll(async () => {
    await target!.dropDatabase(database);
  });

  it('applies every migration, leaves the schema exactly as the entities describe it, and reverts cleanly', async () => {
    const dataSource = new DataSource(
      buildDataSourceOptions({ type: 'postgres', url }, [
        ...identityEntities,
        ...groupsEntities,
        ...chatEntities,
        ...moderationEntities,
        ...notificationsEntities,
        ...questionnairesEntities,
        ...journalEntities,
      ]),
    );
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations();
      expect(applied.map((m) => m.name)).toEqual(dataSource.migrations.map((m) => m.name));
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);

      for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration();
      const tables = await dataSource.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'",
      );
      expect(tables).toEqual([]);
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
  });

  it('runs the application on PostgreSQL: sign-up, first admin, sign-in, rotation, reuse detection', async () => {
    const t = await createTestApp({
      env: {
        DATABASE_URL: url,
        JWT_SECRET: 'x'.repeat(40),
        MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
        ...SHARED_VAPID_KEYS,
      },
    });
    try {
      const racers = await Promise.all(Array.from({ length: 5 }, () => registerUser(t)));
      expect(racers.filter((u) => u.role === 'admin')).toHaveLength(1);
      const admins = await t
        .request()
        .get('/api/admin/users?role=admin')
        .set('Authorization', racers.find((u) => u.role === 'admin')?.auth ?? '')
        .expect(200);
      expect(admins.body.total).toBe(1);

      const user = racers[0];
      const me = await t.request().get('/api/me').set('Authorization', user.auth).expect(200);
      // Timestamps round-trip as UTC.
      expect(Math.abs(new Date(me.body.createdAt).getTime() - t.clock.now().getTime())).toBeLessThan(10_000);

      const rotated = await refresh(t, user.tokens.refreshToken).expect(200);
      // A lost answer asked for again gets the same token; once that one is used, the first is spent for good.
      const again = await refresh(t, user.tokens.refreshToken).expect(200);
      expect(again.body.refreshToken).toBe(rotated.body.refreshToken);
      const next = await refresh(t, rotated.body.refreshToken).expect(200);
      await refresh(t, user.tokens.refreshToken).expect(401);
      await refresh(t, next.body.refreshToken).expect(401);
      await t.request().get('/api/health').expect(200);
    } finally {
      await t.close();
    }
  });

  it('never overbooks a group when redemptions and approvals race on separate connections', async () => {
    const fresh = await target!.createDatabase('hearth_seats');
    const t = await createTestApp({
      env: {
        DATABASE_URL: target!.urlFor(fresh),
        JWT_SECRET: 'x'.repeat(40),
        MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
        ...SHARED_VAPID_KEYS,
      },
    });
    try {
      const admin = await registerUser(t);
      const group = await createGroup(t, admin, { capacity: 3 });
      const invite = await createInvite(t, admin, group.id);
      const people = await Promise.all(Array.from({ length: 12 }, () => registerUser(t)));
      const redeemers = people.slice(0, 8);
      const applicants = people.slice(8);
      const requests = await Promise.all(
        applicants.map((p, i) =>
          t
            .request()
            .post(`/api/groups/${group.id}/join-requests`)
            .set('Authorization', p.auth)
            .send({ pseudonym: `Asker${i}` })
            .then((r) => r.body.id as string),
        ),
      );
      const statuses = await Promise.all([
        ...redeemers.map((p, i) => redeem(t, p, invite.code, `Seat${i}`).then((r) => r.status)),
        ...requests.map((id) =>
          t
            .request()
            .post(`/api/groups/${group.id}/join-requests/${id}/approve`)
            .set('Authorization', admin.auth)
            .send({})
            .then((r) => r.status),
        ),
      ]);
      expect(statuses.filter((s) => s === 200)).toHaveLength(3);
      expect(statuses.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
      const members = await t
        .request()
        .get(`/api/groups/${group.id}/members?status=pending`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect(members.body).toHaveLength(3);
      const card = await t
        .request()
        .get(`/api/groups/${group.id}`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect(card.body.seatsLeft).toBe(0);
    } finally {
      await t.close();
      await target!.dropDatabase(fresh);
    }
  });
  it('seals conversations on PostgreSQL: edits bound to their version, the backfill, erasure of a group', async () => {
    const fresh = await target!.createDatabase('hearth_sealed');
    const env = {
      DATABASE_URL: target!.urlFor(fresh),
      JWT_SECRET: 'x'.repeat(40),
      MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
      ...SHARED_VAPID_KEYS,
      CHAT_RATE_LIMIT: '1000',
    };
    let t = await createTestApp({ env });
    try {
      const admin = await registerUser(t);
      const group = await createGroup(t, admin);
      const socket = await connect(t, admin);
      expect(await socket.emitWithAck('group:join', { groupId: group.id })).toMatchObject({ ok: true });
      const sent = await socket.emitWithAck('message:send', {
        groupId: group.id,
        clientId: randomUUID(),
        body: 'first words',
      });
      if (!sent.ok) throw new Error(JSON.stringify(sent));
      const edited = await socket.emitWithAck('message:edit', {
        messageId: sent.message.id,
        body: 'second words',
      });
      expect(edited).toMatchObject({ ok: true });
      await t
        .request()
        .post(`/api/groups/${group.id}/meetings`)
        .set('Authorization', admin.auth)
        .send({
          title: 'Circle',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          durationMinutes: 60,
          location: 'x'.repeat(500),
          videoUrl: `https://meet.example.org/${'v'.repeat(450)}`,
        })
        .expect(201);
      const db = t.app.get(DataSource);
      const stored = (await db.query('SELECT body FROM messages WHERE id = $1', [sent.message.id])) as {
        body: string;
      }[];
      expect(stored[0].body).toMatch(/^v1\./);
      const one = await t
        .request()
        .get(`/api/groups/${group.id}/messages/${sent.message.id}`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect(one.body).toMatchObject({ body: 'second words', history: [{ body: 'first words' }] });

      // Plaintext from before sealing is sealed at the next start.
      await db.query('UPDATE messages SET body = $1, edited_at = NULL WHERE id = $2', [
        'legacy words',
        sent.message.id,
      ]);
      await t.close();
      t = await createTestApp({ env });
      const [{ body }] = (await t.app
        .get(DataSource)
        .query('SELECT body FROM messages WHERE id = $1', [sent.message.id])) as { body: string }[];
      expect(body).toMatch(/^v1\./);
      const page = await t
        .request()
        .get(`/api/groups/${group.id}/messages`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect(page.body.map((m: { body: string }) => m.body)).toEqual(['legacy words']);
      const meetings = await t
        .request()
        .get(`/api/groups/${group.id}/meetings`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect(meetings.body[0].location).toBe('x'.repeat(500));

      await t.request().post(`/api/groups/${group.id}/archive`).set('Authorization', admin.auth).expect(200);
      await t.request().delete(`/api/groups/${group.id}`).set('Authorization', admin.auth).expect(204);
      const left = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM group_keys');
      expect(left).toEqual([{ n: 0 }]);
    } finally {
      await t.close();
      await target!.dropDatabase(fresh);
    }
  });
});

if (!target) {
  describe('PostgreSQL', () => {
    it('is skipped: no PostgreSQL server answered (set DATABASE_URL_TEST, or start one on 127.0.0.1:5432)', () => {
      expect(process.env.REQUIRE_POSTGRES).not.toBe('1');
    });
  });
}
