import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

import { Ajv } from 'ajv';
import { strFromU8 } from 'fflate';
import { DataSource } from 'typeorm';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { createAccount, exportOf, registerUser, type TestUser } from '../support/users.js';

const marker = () => `zq${randomUUID().replace(/-/g, '').slice(0, 14)}`;

const planWith = (words: string) => ({
  warningSigns: [`I stop answering messages ${words}`, 'I lie awake after the 3 am feed'],
  calmingActions: ['A warm shower', 'Walk around the block with the pram'],
  distractions: ['The library’s baby rhyme time'],
  helpers: [
    { name: 'My sister Ana', phone: '+1 555 0100' },
    { name: 'Jo from group', phone: null },
  ],
  professionals: [
    { name: 'Postpartum Support International', phone: '1-800-944-4773', url: 'https://postpartum.net' },
    { name: 'Dr Okafor', phone: '555 0199', url: null },
  ],
  saferSurroundings: ['Ask Sam to keep my medicines and hand me one day at a time'],
});

describe('My safety plan - /api/me/safety-plan', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let mia: TestUser;
  let noor: TestUser;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    mia = await registerUser(t, { displayName: 'Mia' });
    noor = await registerUser(t);
  });

  afterEach(async () => {
    await t.close();
  });

  const get = (user: TestUser) => t.request().get('/api/me/safety-plan').set('Authorization', user.auth);
  const put = (user: TestUser, body: unknown) =>
    t
      .request()
      .put('/api/me/safety-plan')
      .set('Authorization', user.auth)
      .send(body as object);

  it('requires authentication', async () => {
    await t.request().get('/api/me/safety-plan').expect(401);
    await t.request().put('/api/me/safety-plan').send(planWith('x')).expect(401);
    await t.request().delete('/api/me/safety-plan').expect(401);
  });

  it('answers an empty plan with updatedAt null before there is one', async () => {
    expect((await get(mia).expect(200)).body).toEqual({
      warningSigns: [],
      calmingActions: [],
      distractions: [],
      helpers: [],
      professionals: [],
      saferSurroundings: [],
      updatedAt: null,
    });
  });

  it('keeps, replaces and deletes my plan', async () => {
    const saved = await put(mia, planWith('at all')).expect(200);
    expect(saved.body).toEqual({ ...planWith('at all'), updatedAt: expect.any(String) });
    expect((await get(mia).expect(200)).body).toEqual(saved.body);

    t.clock.advance(60_000);
    const next = { ...planWith('at all'), helpers: [{ name: '  Ana  ', phone: '  ' }], distractions: [] };
    const replaced = await put(mia, next).expect(200);
    expect(replaced.body.helpers).toEqual([{ name: 'Ana', phone: null }]);
    expect(replaced.body.distractions).toEqual([]);
    expect(Date.parse(replaced.body.updatedAt) - Date.parse(saved.body.updatedAt)).toBeGreaterThanOrEqual(
      60_000,
    );
    expect((await get(mia).expect(200)).body).toEqual(replaced.body);
    const rows = await t.app
      .get(DataSource)
      .query('SELECT version FROM safety_plans WHERE user_id = ?', [mia.id]);
    expect(rows).toEqual([{ version: 2 }]);

    await t.request().delete('/api/me/safety-plan').set('Authorization', mia.auth).expect(204);
    expect((await get(mia).expect(200)).body.updatedAt).toBeNull();
    await t.request().delete('/api/me/safety-plan').set('Authorization', mia.auth).expect(204);
  });

  it('refuses a malformed plan with field errors in the usual shape, never a 500', async () => {
    const cases: [unknown, string][] = [
      [{ ...planWith('x'), warningSigns: ['x'.repeat(201)] }, 'warningSigns'],
      [
        { ...planWith('x'), calmingActions: Array.from({ length: 13 }, (_, i) => `thing ${i}`) },
        'calmingActions',
      ],
      [{ ...planWith('x'), distractions: ['   '] }, 'distractions'],
      [{ ...planWith('x'), distractions: [7] }, 'distractions'],
      [{ ...planWith('x'), helpers: [{ name: '', phone: null }] }, 'helpers.0.name'],
      [{ ...planWith('x'), helpers: [{ name: 'Ana', phone: 'call me' }] }, 'helpers.0.phone'],
      [{ ...planWith('x'), helpers: [null] }, 'helpers.0'],
      [
        { ...planWith('x'), professionals: [{ name: 'Clinic', phone: null, url: null }] },
        'professionals.0.phone',
      ],
      [
        { ...planWith('x'), professionals: [{ name: 'Clinic', url: 'javascript:alert(1)' }] },
        'professionals.0.url',
      ],
      [{ ...planWith('x'), saferSurroundings: 'lock the cabinet' }, 'saferSurroundings'],
      [{ ...planWith('x'), extra: true }, 'extra'],
      [{ warningSigns: [] }, 'calmingActions'],
    ];
    for (const [body, field] of cases) {
      const res = await put(mia, body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      const fields = (res.body.details as { field: string }[]).map((d) => d.field);
      expect([field, fields.some((f) => f === field || f.startsWith(`${field}.`))]).toEqual([field, true]);
    }
    await put(mia, [1, 2]).expect(400);
    await put(mia, 'plan').expect(400);
    expect((await get(mia).expect(200)).body.updatedAt).toBeNull();
  });

  it('is mine alone: other members, facilitators of my group and admins get only their own plans', async () => {
    const group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    const words = marker();
    await put(mia, planWith(words)).expect(200);
    for (const other of [noor, facilitator, admin]) {
      const res = await get(other).expect(200);
      expect(res.body.updatedAt).toBeNull();
      expect(JSON.stringify(res.body)).not.toContain(words);
      await t.request().delete('/api/me/safety-plan').set('Authorization', other.auth).expect(204);
    }
    for (const path of [
      `/api/users/${mia.id}/safety-plan`,
      `/api/me/safety-plan/${mia.id}`,
      `/api/admin/users/${mia.id}/safety-plan`,
      `/api/groups/${group.id}/safety-plan`,
    ]) {
      const res = await t.request().get(path).set('Authorization', admin.auth);
      expect([path, res.status]).toEqual([path, 404]);
    }
    const staffView = await t.request().get(`/api/admin/users/${mia.id}`).set('Authorization', admin.auth);
    expect(JSON.stringify(staffView.body)).not.toContain(words);
    expect((await get(mia).expect(200)).body.warningSigns[0]).toContain(words);
  });

  it('is sealed at rest, bound to its row: no plaintext in the files, a moved ciphertext fails its check', async () => {
    const words = marker();
    await put(mia, planWith(words)).expect(200);
    await put(noor, planWith(marker())).expect(200);
    const db = t.app.get(DataSource);
    const [mine] = await db.query('SELECT id, plan_ct FROM safety_plans WHERE user_id = ?', [mia.id]);
    expect(mine.plan_ct).toMatch(/^v1\./);
    expect(mine.plan_ct).not.toContain(words);
    const dbConfig = t.config.database;
    if (dbConfig.type !== 'sqlite') throw new Error('this test reads SQLite files');
    const files = [dbConfig.file, `${dbConfig.file}-wal`].filter((f) => existsSync(f));
    for (const file of files) expect(readFileSync(file).includes(words)).toBe(false);

    await db.query('UPDATE safety_plans SET plan_ct = ? WHERE user_id = ?', [mine.plan_ct, noor.id]);
    const broken = await get(noor).expect(500);
    expect(broken.body.message).toBe('This safety plan failed its integrity check and cannot be shown');
    expect(JSON.stringify(broken.body)).not.toContain(words);
  });

  it('is in my data export, matching the documented schema', async () => {
    const words = marker();
    await put(mia, planWith(words)).expect(200);
    const files = await exportOf(t, mia);
    const data = JSON.parse(strFromU8(files['hearth-export.json']));
    const schema = JSON.parse(
      readFileSync(new URL('../../docs/export.schema.json', import.meta.url), 'utf8'),
    );
    const validate = new Ajv({ strict: false }).compile(schema);
    expect([validate(data), validate.errors]).toEqual([true, null]);
    expect(data.journal.safetyPlan).toEqual({ ...planWith(words), updatedAt: expect.any(String) });
    expect(strFromU8(files['journal.md'])).toContain(words);

    const empty = JSON.parse(strFromU8((await exportOf(t, noor))['hearth-export.json']));
    expect(validate(empty)).toBe(true);
    expect(empty.journal.safetyPlan).toBeNull();
  });

  it('is erased with my account: nothing of it left in the database file or its WAL', async () => {
    const words = marker();
    await put(mia, planWith(words)).expect(200);
    const db = t.app.get(DataSource);
    const [{ plan_ct: sealed }] = await db.query('SELECT plan_ct FROM safety_plans WHERE user_id = ?', [
      mia.id,
    ]);
    const dbConfig = t.config.database;
    if (dbConfig.type !== 'sqlite') throw new Error('this test reads SQLite files');
    const found = (needle: string) =>
      [dbConfig.file, `${dbConfig.file}-wal`]
        .filter((f) => existsSync(f))
        .some((f) => readFileSync(f).includes(needle));
    expect([found(sealed), found(words)]).toEqual([true, false]);

    await t
      .request()
      .delete('/api/me')
      .set('Authorization', mia.auth)
      .send({ password: mia.password })
      .expect(204);

    expect(await db.query('SELECT id FROM safety_plans WHERE user_id = ?', [mia.id])).toEqual([]);
    expect([found(sealed), found(words)]).toEqual([false, false]);
  });
});
