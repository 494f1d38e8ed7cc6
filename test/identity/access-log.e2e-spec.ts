import { strFromU8 } from 'fflate';
import { DataSource } from 'typeorm';

import { AccessLogService } from '@hearth/identity';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { inRoom, said } from '../moderation/support.js';
import { createAccount, exportOf, registerUser, signIn, type TestUser } from '../support/users.js';

interface Entry {
  id: string;
  kind: string;
  actorUserId: string | null;
  subjectUserId: string | null;
  resourceId: string | null;
  groupId: string | null;
  actorRole: string;
}

const DAY_MS = 86_400_000;

describe('The access log', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let mia: TestUser;
  let noor: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '1000' } });
    admin = await registerUser(t, { displayName: 'Ada Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fay Facilitator');
    mia = await registerUser(t, { displayName: 'Mia' });
    noor = await registerUser(t, { displayName: 'Noor' });
    group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, mia, 'Wren');
    await addActiveMember(t, facilitator, group.id, noor, 'Ash');
  });

  afterEach(async () => {
    await t.close();
  });

  /** Every entry in the table, read straight from the database (not through the logged admin route). */
  const allEntries = async (): Promise<Entry[]> =>
    (
      await t.app
        .get(DataSource)
        .query(
          'SELECT id, kind, actor_user_id, subject_user_id, resource_id, group_id, actor_role FROM access_log',
        )
    ).map((r: Record<string, string | null>) => ({
      id: r.id,
      kind: r.kind,
      actorUserId: r.actor_user_id,
      subjectUserId: r.subject_user_id,
      resourceId: r.resource_id,
      groupId: r.group_id,
      actorRole: r.actor_role,
    }));

  const newEntries = async (run: () => Promise<unknown>): Promise<Entry[]> => {
    const before = new Set((await allEntries()).map((e) => e.id));
    await run();
    return (await allEntries()).filter((e) => !before.has(e.id));
  };

  const simplify = (entries: Entry[]) =>
    entries
      .map((e) => ({ kind: e.kind, actor: e.actorUserId, subject: e.subjectUserId, group: e.groupId }))
      .sort((a, b) => `${a.kind}${a.subject}`.localeCompare(`${b.kind}${b.subject}`));

  const myLog = (user: TestUser) =>
    t.request().get('/api/me/access-log').set('Authorization', user.auth).expect(200);

  describe('requires authentication', () => {
    it.each([
      ['get', '/api/me/access-log'],
      ['get', '/api/me/sign-ins'],
      ['post', '/api/me/sign-ins/8d3a3f8e-1111-4a4a-9b9b-123456789abc/not-me'],
      ['get', '/api/admin/access-log'],
    ] as const)('%s %s', async (method, path) => {
      await t.request()[method](path).expect(401);
    });
  });

  it('logs one identity entry per person an admin sees in the users list, and one for an account changed', async () => {
    const entries = await newEntries(() =>
      t.request().get('/api/admin/users').set('Authorization', admin.auth).expect(200),
    );
    expect(simplify(entries)).toEqual(
      simplify(
        [facilitator, mia, noor].map((u) => ({
          id: '',
          kind: 'identity',
          actorUserId: admin.id,
          subjectUserId: u.id,
          resourceId: u.id,
          groupId: null,
          actorRole: 'admin',
        })),
      ),
    );
    expect(entries.every((e) => e.actorRole === 'admin')).toBe(true);

    const changed = await newEntries(() =>
      t
        .request()
        .patch(`/api/admin/users/${mia.id}`)
        .set('Authorization', admin.auth)
        .send({ disabled: false })
        .expect(200),
    );
    expect(simplify(changed)).toEqual([{ kind: 'identity', actor: admin.id, subject: mia.id, group: null }]);
  });

  it('logs what facilitators see of member accounts in a group, and nothing for peers', async () => {
    const staffView = await newEntries(() =>
      t.request().get(`/api/groups/${group.id}/members`).set('Authorization', facilitator.auth).expect(200),
    );
    expect(simplify(staffView)).toEqual(
      simplify(
        [mia, noor].map((u) => ({
          id: '',
          kind: 'identity',
          actorUserId: facilitator.id,
          subjectUserId: u.id,
          resourceId: null,
          groupId: group.id,
          actorRole: 'facilitator',
        })),
      ),
    );
    const peerView = await newEntries(() =>
      t.request().get(`/api/groups/${group.id}/members`).set('Authorization', mia.auth).expect(200),
    );
    expect(peerView).toEqual([]);
    // The room's composer asks for the peers' view to offer names to mention: no accounts, nothing logged.
    const namesOnly = await newEntries(async () => {
      const response = await t
        .request()
        .get(`/api/groups/${group.id}/members?view=peer`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(JSON.stringify(response.body)).not.toContain(mia.email);
      expect(response.body.every((m: { account?: unknown }) => m.account === undefined)).toBe(true);
    });
    expect(namesOnly).toEqual([]);
  });

  it('logs an applicant’s identity shown with a join request', async () => {
    const listed = await createGroup(t, facilitator, { name: 'Listed', visibility: 'listed' });
    const applicant = await registerUser(t, { displayName: 'Applicant' });
    const request = await t
      .request()
      .post(`/api/groups/${listed.id}/join-requests`)
      .set('Authorization', applicant.auth)
      .send({ pseudonym: 'Fern' })
      .expect(201);
    const entries = await newEntries(() =>
      t
        .request()
        .get(`/api/groups/${listed.id}/join-requests`)
        .set('Authorization', facilitator.auth)
        .expect(200),
    );
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'identity',
        actorUserId: facilitator.id,
        subjectUserId: applicant.id,
        resourceId: request.body.id,
        groupId: listed.id,
      }),
    ]);
  });

  it('logs each facilitator-only reflection read, and the member sees who read it, never their email', async () => {
    const entry = await t
      .request()
      .post('/api/journal/entries')
      .set('Authorization', mia.auth)
      .send({ title: 'Week 3', body: 'Something for the facilitators only.' })
      .expect(201);
    const shared = await t
      .request()
      .post(`/api/journal/entries/${entry.body.id}/shares`)
      .set('Authorization', mia.auth)
      .send({ groupId: group.id, target: 'facilitators' })
      .expect(201);
    const entries = await newEntries(() =>
      t
        .request()
        .get(`/api/groups/${group.id}/shared-reflections`)
        .set('Authorization', facilitator.auth)
        .expect(200),
    );
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'facilitator_reflection',
        actorUserId: facilitator.id,
        subjectUserId: mia.id,
        resourceId: shared.body.id,
        groupId: group.id,
      }),
    ]);
    const log = await myLog(mia);
    expect(log.body.items[0]).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      kind: 'facilitator_reflection',
      resourceId: shared.body.id,
      groupId: group.id,
      byMe: false,
      actor: { displayName: 'Fay Facilitator', role: 'facilitator' },
      actorRole: 'facilitator',
    });
    const text = JSON.stringify(log.body);
    expect(text).not.toContain(facilitator.email);
    expect(text).not.toContain('Something for the facilitators');
  });

  it('logs incident reads (the list, the group queue, the admin queue, an acknowledgement)', async () => {
    const socket = await inRoom(t, mia, group.id);
    // Words the detector leaves alone (short, with no crisis word in them), that a peer who knows her still reports.
    const message = await said(socket, group.id, 'Going quiet for a bit, it feels lighter');
    await t
      .request()
      .post(`/api/groups/${group.id}/messages/${message.id}/reports`)
      .set('Authorization', noor.auth)
      .send({ reason: 'crisis_concern' })
      .expect(201);
    const incidents = await t
      .request()
      .get(`/api/groups/${group.id}/moderation/incidents`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    const incidentId = incidents.body[0].id as string;
    const expected = (actor: TestUser, role: string) => [
      expect.objectContaining({
        kind: 'incident',
        actorUserId: actor.id,
        actorRole: role,
        subjectUserId: mia.id,
        resourceId: incidentId,
        groupId: group.id,
      }),
    ];
    expect(
      await newEntries(() =>
        t
          .request()
          .get(`/api/groups/${group.id}/moderation/incidents`)
          .set('Authorization', facilitator.auth)
          .expect(200),
      ),
    ).toEqual(expected(facilitator, 'facilitator'));
    expect(
      await newEntries(() =>
        t
          .request()
          .get(`/api/groups/${group.id}/moderation/queue`)
          .set('Authorization', facilitator.auth)
          .expect(200),
      ),
    ).toEqual(expected(facilitator, 'facilitator'));
    expect(
      await newEntries(() =>
        t.request().get('/api/admin/moderation/queue').set('Authorization', admin.auth).expect(200),
      ),
    ).toEqual(expected(admin, 'admin'));
    expect(
      await newEntries(() =>
        t
          .request()
          .post(`/api/groups/${group.id}/moderation/incidents/${incidentId}/acknowledge`)
          .set('Authorization', facilitator.auth)
          .send({ note: 'Called her' })
          .expect(200),
      ),
    ).toEqual(expected(facilitator, 'facilitator'));
    const log = await myLog(mia);
    expect(log.body.items.map((e: { kind: string }) => e.kind)).toContain('incident');
    expect(JSON.stringify(log.body)).not.toContain('Called her');
  });

  it('shows a person only her own log; only admins read the whole log, and that read is logged', async () => {
    await t
      .request()
      .get(`/api/groups/${group.id}/members`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    const mine = await myLog(mia);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items.every((e: { id: string }) => e.id)).toBe(true);
    const noorLog = await myLog(noor);
    expect(noorLog.body.total).toBe(1);
    expect(noorLog.body.items[0].id).not.toBe(mine.body.items[0].id);

    await t.request().get('/api/admin/access-log').set('Authorization', mia.auth).expect(403);
    await t.request().get('/api/admin/access-log').set('Authorization', facilitator.auth).expect(403);

    const read = await newEntries(async () => {
      const page = await t
        .request()
        .get(`/api/admin/access-log?subjectUserId=${mia.id}&kind=identity`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect(page.body).toEqual({
        total: 1,
        items: [
          expect.objectContaining({
            kind: 'identity',
            actorUserId: facilitator.id,
            subjectUserId: mia.id,
            groupId: group.id,
          }),
        ],
      });
    });
    expect(simplify(read)).toEqual([{ kind: 'access_log', actor: admin.id, subject: mia.id, group: null }]);
    const after = await myLog(mia);
    expect(after.body.items[0]).toMatchObject({
      kind: 'access_log',
      actor: { displayName: 'Ada Admin', role: 'admin' },
    });

    const byGroup = await t
      .request()
      .get(`/api/admin/access-log?groupId=${group.id}&actorUserId=${facilitator.id}`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(byGroup.body.total).toBe(2);
    const future = new Date(t.clock.now().getTime() + DAY_MS).toISOString();
    const none = await t
      .request()
      .get(`/api/admin/access-log?since=${future}`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(none.body).toEqual({ total: 0, items: [] });
  });

  it.each([
    '/api/admin/access-log?subjectUserId=not-a-uuid',
    '/api/admin/access-log?kind=everything',
    '/api/admin/access-log?since=yesterday',
    '/api/admin/access-log?limit=1000',
    '/api/me/access-log?offset=-1',
  ])('refuses %s with 400', async (path) => {
    const response = await t.request().get(path).set('Authorization', admin.auth);
    expect(response.status).toBe(400);
  });

  it('logs my export, which carries the log about me and my sign-ins', async () => {
    await t
      .request()
      .get(`/api/groups/${group.id}/members`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    const files = await exportOf(t, mia);
    const data = JSON.parse(strFromU8(files['hearth-export.json']));
    expect(data.accessLog).toEqual([
      expect.objectContaining({ kind: 'identity', byMe: false, actorDisplayName: 'Fay Facilitator' }),
      expect.objectContaining({ kind: 'export', byMe: true }),
    ]);
    expect(data.signIns).toEqual([
      expect.objectContaining({
        active: true,
        userAgent: null,
        device: { browser: null, os: null, kind: 'unknown' },
      }),
    ]);
    expect(JSON.stringify(data)).not.toContain(facilitator.email);
    const log = await myLog(mia);
    expect(log.body.items[0]).toMatchObject({ kind: 'export', byMe: true, actor: null, actorRole: 'member' });
  });

  it('keeps the log of staff views after an erasure, no longer naming the erased person', async () => {
    await t
      .request()
      .get(`/api/groups/${group.id}/members`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    await t
      .request()
      .delete('/api/me')
      .set('Authorization', mia.auth)
      .send({ password: mia.password })
      .expect(204);
    const entries = await allEntries();
    expect(entries.some((e) => e.subjectUserId === mia.id || e.actorUserId === mia.id)).toBe(false);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'identity', actorUserId: facilitator.id, subjectUserId: null }),
        expect.objectContaining({ kind: 'identity', actorUserId: facilitator.id, subjectUserId: noor.id }),
        expect.objectContaining({ kind: 'erasure', actorUserId: null, subjectUserId: null }),
      ]),
    );
  });

  it('prunes entries past ACCESS_LOG_RETENTION_DAYS, and only those', async () => {
    await t
      .request()
      .get(`/api/groups/${group.id}/members`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    t.clock.advance(700 * DAY_MS);
    const again = await signIn(t, admin.email, admin.password).expect(200);
    await t
      .request()
      .get('/api/admin/users')
      .set('Authorization', `Bearer ${again.body.tokens.accessToken}`)
      .expect(200);
    const service = t.app.get(AccessLogService);
    expect(await service.prune()).toBe(0);
    t.clock.advance(31 * DAY_MS);
    expect(await service.prune()).toBe(2);
    const left = await allEntries();
    expect(left.every((e) => e.actorUserId === admin.id)).toBe(true);
    expect(left.length).toBeGreaterThan(0);
  });

  it('refuses to change an entry on SQLite, but lets erasure tombstone it', async () => {
    await t
      .request()
      .get(`/api/groups/${group.id}/members`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    const db = t.app.get(DataSource);
    await expect(db.query(`UPDATE access_log SET kind = 'export'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE access_log SET actor_user_id = ?`, [mia.id])).rejects.toThrow(
      /append-only/,
    );
    await db.query(`UPDATE access_log SET subject_user_id = NULL WHERE subject_user_id = ?`, [noor.id]);
    expect((await allEntries()).filter((e) => e.subjectUserId === null)).toHaveLength(1);
  });
});
