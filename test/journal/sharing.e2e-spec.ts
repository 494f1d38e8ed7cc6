import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

describe('Sharing reflections', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let mia: TestUser;
  let noor: TestUser;
  let outsider: TestUser;
  let group: GroupCard;
  let entryId: string;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    mia = await registerUser(t);
    noor = await registerUser(t);
    outsider = await registerUser(t);
    group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    await addActiveMember(t, facilitator, group.id, noor, 'Noor');
    entryId = (
      await t
        .request()
        .post('/api/journal/entries')
        .set('Authorization', mia.auth)
        .send({
          title: 'Session 3',
          body: 'I held my daughter and felt present. Also, a private worry about money.',
          tags: ['private'],
        })
        .expect(201)
    ).body.id;
  });

  afterEach(async () => {
    await t.close();
  });

  const share = (user: TestUser, id: string, body: object) =>
    t.request().post(`/api/journal/entries/${id}/shares`).set('Authorization', user.auth).send(body);

  it('requires authentication', async () => {
    await t
      .request()
      .post(`/api/journal/entries/${entryId}/shares`)
      .send({ groupId: group.id, target: 'group' })
      .expect(401);
    await t.request().get('/api/journal/shares').expect(401);
  });

  it('shares an excerpt into the group as a reflection, live, and nothing else of the journal', async () => {
    const noorSocket = await connect(t, noor);
    await noorSocket.emitWithAck('group:join', { groupId: group.id });
    const inbox = collect(noorSocket, 'message:new');
    const shared = await share(mia, entryId, {
      groupId: group.id,
      target: 'group',
      excerpt: 'I held my daughter and felt present.',
    }).expect(201);
    expect(shared.body).toMatchObject({ target: 'group', messageId: expect.any(String), withdrawn: false });
    await until(() => inbox.length === 1, 'reflection delivered');
    expect(inbox[0]).toMatchObject({
      kind: 'reflection',
      body: 'I held my daughter and felt present.',
      author: { pseudonym: 'Mia' },
    });
    const history = await t
      .request()
      .get(`/api/groups/${group.id}/messages`)
      .set('Authorization', noor.auth)
      .expect(200);
    expect(JSON.stringify(history.body)).not.toContain('money');
    expect(JSON.stringify(history.body)).not.toContain('private');
  });

  it('withdraws a group share: a tombstone remains in the timeline', async () => {
    const shared = await share(mia, entryId, { groupId: group.id, target: 'group' }).expect(201);
    await t
      .request()
      .delete(`/api/journal/shares/${shared.body.id}`)
      .set('Authorization', noor.auth)
      .expect(404);
    await t
      .request()
      .delete(`/api/journal/shares/${shared.body.id}`)
      .set('Authorization', mia.auth)
      .expect(204);
    const history = await t
      .request()
      .get(`/api/groups/${group.id}/messages`)
      .set('Authorization', noor.auth)
      .expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({ id: shared.body.messageId, deleted: true, body: null, kind: 'reflection' }),
    ]);
    await t
      .request()
      .delete(`/api/journal/shares/${shared.body.id}`)
      .set('Authorization', mia.auth)
      .expect(409);
    const mine = await t.request().get('/api/journal/shares').set('Authorization', mia.auth).expect(200);
    expect(mine.body).toEqual([expect.objectContaining({ id: shared.body.id, withdrawn: true })]);
  });

  it('shares privately with the facilitators, who alone can read it, until it is withdrawn', async () => {
    const shared = await share(mia, entryId, {
      groupId: group.id,
      target: 'facilitators',
      excerpt: 'a private worry about money',
    }).expect(201);
    const seen = await t
      .request()
      .get(`/api/groups/${group.id}/shared-reflections`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect(seen.body).toEqual([
      expect.objectContaining({ pseudonym: 'Mia', excerpt: 'a private worry about money' }),
    ]);
    await t
      .request()
      .get(`/api/groups/${group.id}/shared-reflections`)
      .set('Authorization', noor.auth)
      .expect(403);
    const history = await t
      .request()
      .get(`/api/groups/${group.id}/messages`)
      .set('Authorization', noor.auth)
      .expect(200);
    expect(history.body).toEqual([]);
    await t
      .request()
      .delete(`/api/journal/shares/${shared.body.id}`)
      .set('Authorization', mia.auth)
      .expect(204);
    expect(
      (
        await t
          .request()
          .get(`/api/groups/${group.id}/shared-reflections`)
          .set('Authorization', facilitator.auth)
          .expect(200)
      ).body,
    ).toEqual([]);
  });

  it('runs shared reflections through crisis detection like any message', async () => {
    const fac = await connect(t, facilitator);
    const alerts = collect(fac, 'safety:alert');
    const crisis = await t
      .request()
      .post('/api/journal/entries')
      .set('Authorization', mia.auth)
      .send({ body: 'Some nights I want to die.' })
      .expect(201);
    await share(mia, crisis.body.id, { groupId: group.id, target: 'group' }).expect(201);
    await until(() => alerts.length === 1, 'alert');
    expect(alerts[0]).toMatchObject({ category: 'suicide', pseudonym: 'Mia' });
  });

  it('answers a chat refusal (here, a mute) with an HTTP error, not a crash', async () => {
    await t
      .request()
      .post(`/api/groups/${group.id}/moderation/mutes`)
      .set('Authorization', facilitator.auth)
      .send({ userId: mia.id, minutes: 60 })
      .expect(201);
    const refused = await share(mia, entryId, { groupId: group.id, target: 'group' }).expect(403);
    expect(refused.body.message).toMatch(/muted/);
  });

  it('refuses excerpts that are not from the entry, other people’s entries, and groups I am not in', async () => {
    const bad = await share(mia, entryId, {
      groupId: group.id,
      target: 'group',
      excerpt: 'words I never wrote',
    }).expect(400);
    expect(bad.body.details[0].field).toBe('excerpt');
    await share(noor, entryId, { groupId: group.id, target: 'group' }).expect(404);
    const other = await createGroup(t, facilitator, { name: 'Other' });
    await share(mia, entryId, { groupId: other.id, target: 'group' }).expect(403);
    await share(mia, entryId, { groupId: group.id, target: 'everyone' }).expect(400);
    await share(outsider, entryId, { groupId: group.id, target: 'facilitators' }).expect(404);
  });
});
