import { DataSource } from 'typeorm';

import { AccessLogService } from '@hearth/identity';

import { createTestApp, type TestApp } from '../support/app.js';
import { postgresAvailable, postgresEnv, type PostgresTarget } from '../support/postgres.js';
import { registerUser, signIn } from '../support/users.js';

const target: PostgresTarget | null = await postgresAvailable();
const describeWithPostgres = target ? describe : describe.skip;
const DAY_MS = 86_400_000;

describeWithPostgres('The access log on PostgreSQL is append-only', () => {
  let database: string;
  let t: TestApp;

  beforeAll(async () => {
    database = await target!.createDatabase('hearth_access_log');
    t = await createTestApp({
      env: {
        ...postgresEnv(target!, database),
      },
    });
  });

  afterAll(async () => {
    await t.close();
    await target!.dropDatabase(database);
  });

  it('refuses updates, deletes and truncation, except erasure’s tombstones and retention’s deletes', async () => {
    const admin = await registerUser(t, { displayName: 'Admin' });
    const mia = await registerUser(t, { displayName: 'Mia' });
    const noor = await registerUser(t, { displayName: 'Noor' });
    await t.request().get('/api/admin/users').set('Authorization', admin.auth).expect(200);
    const db = t.app.get(DataSource);
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM access_log'))[0].n);
    expect(await count()).toBe(2);

    await expect(db.query(`UPDATE access_log SET kind = 'export'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE access_log SET actor_user_id = $1`, [mia.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`UPDATE access_log SET at = at - interval '10 years'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('DELETE FROM access_log')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE access_log')).rejects.toThrow(/append-only/);
    // A cutoff set outside a transaction is gone before the delete, so it changes nothing.
    await db.query(`SELECT set_config('hearth.access_log_prune_before', '2999-01-01', true)`);
    await expect(db.query('DELETE FROM access_log')).rejects.toThrow(/append-only/);
    expect(await count()).toBe(2);

    await t
      .request()
      .delete('/api/me')
      .set('Authorization', mia.auth)
      .send({ password: mia.password })
      .expect(204);
    const rows: { subject_user_id: string | null; kind: string }[] = await db.query(
      'SELECT subject_user_id, kind FROM access_log',
    );
    expect(rows.map((r) => r.subject_user_id).sort()).toEqual([noor.id, null, null].sort());

    t.clock.advance(731 * DAY_MS);
    const again = await signIn(t, admin.email, admin.password).expect(200);
    await t
      .request()
      .get('/api/admin/users')
      .set('Authorization', `Bearer ${again.body.tokens.accessToken}`)
      .expect(200);
    expect(await t.app.get(AccessLogService).prune()).toBe(3);
    expect(await count()).toBe(1);
  });
});
