import type { MessageDto } from '@hearth/contracts';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until, type ClientSocket } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';
import { groupApi, inRoom, said, say, settle } from './support.js';

describe('Edit a message - message:edit passes the same moderation as a post', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let group: GroupCard;
  const api = groupApi(() => ({ t, groupId: group.id }));

  async function world(env: Record<string, string> = { CHAT_RATE_LIMIT: '1000' }) {
    t = await createTestApp({ env });
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    ash = await registerUser(t);
    group = await createGroup(t, facilitator, { name: 'Postpartum circle' });
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
  }

  afterEach(async () => {
    await t.close();
  });

  const edit = (socket: ClientSocket, message: MessageDto, body: string) =>
    socket.emitWithAck('message:edit', { messageId: message.id, body });

  const bodyOf = async (message: MessageDto) =>
    (await api(facilitator).get(`/messages/${message.id}`).expect(200)).body.body as string;

  it('answers words of crisis written in an edit as it answers a post: resources, an alert, an incident', async () => {
    await world();
    const member = await inRoom(t, wren, group.id);
    const peer = await inRoom(t, ash, group.id);
    const fac = await connect(t, facilitator);
    const resources = collect(member, 'safety:resources');
    const alerts = collect(fac, 'safety:alert');
    const updates = collect(peer, 'message:updated');
    const message = await said(member, group.id, 'Slept a little better this week');

    expect(await edit(member, message, 'honestly I want to die, I cannot do this anymore')).toMatchObject({
      ok: true,
      message: { body: 'honestly I want to die, I cannot do this anymore' },
    });
    await until(
      () => resources.length === 1 && alerts.length === 1 && updates.length === 1,
      'crisis response',
    );
    expect(alerts[0]).toMatchObject({ pseudonym: 'Wren', source: 'detector', messageId: message.id });
    const incidents = await api(facilitator).get('/moderation/incidents').expect(200);
    expect(incidents.body).toEqual([
      expect.objectContaining({ status: 'open', subjectUserId: wren.id, messageId: message.id }),
    ]);
  });

  it('refuses an edit into a blocked term, and keeps the text as it was', async () => {
    await world();
    await api(facilitator).post('/blocked-terms', { term: 'microdosing shop', action: 'block' }).expect(201);
    const member = await inRoom(t, wren, group.id);
    const message = await said(member, group.id, 'Has anyone tried journaling prompts?');
    expect(await say(member, group.id, 'visit my microdosing shop')).toMatchObject({
      ok: false,
      error: { code: 'BLOCKED' },
    });
    expect(await edit(member, message, 'visit my microdosing shop')).toMatchObject({
      ok: false,
      error: { code: 'BLOCKED' },
    });
    expect(await bodyOf(message)).toBe('Has anyone tried journaling prompts?');
  });

  it('refuses edits from a muted member and, in a read-only room, from members (facilitators still can)', async () => {
    await world();
    const member = await inRoom(t, wren, group.id);
    const fac = await inRoom(t, facilitator, group.id);
    const mine = await said(member, group.id, 'first words');
    const theirs = await said(fac, group.id, 'Welcome, everyone');

    await api(facilitator).post('/moderation/mutes', { userId: wren.id, minutes: 60 }).expect(201);
    expect(await edit(member, mine, 'changed while muted')).toMatchObject({
      ok: false,
      error: { code: 'MUTED' },
    });
    await t
      .request()
      .delete(`/api/groups/${group.id}/moderation/mutes/${wren.id}`)
      .set('Authorization', facilitator.auth)
      .expect(204);

    await api(facilitator).put('/moderation/mode', { mode: 'read_only' }).expect(200);
    expect(await edit(member, mine, 'changed in a read-only room')).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY' },
    });
    expect(await edit(fac, theirs, 'Welcome, everyone. We pause today.')).toMatchObject({ ok: true });
    expect(await bodyOf(mine)).toBe('first words');
  });

  it('counts edits against the same budget as posts', async () => {
    await world({ CHAT_RATE_LIMIT: '5', CHAT_RATE_WINDOW_SECONDS: '60' });
    const member = await inRoom(t, wren, group.id);
    const message = await said(member, group.id, 'version 0');
    const acks = [];
    for (let i = 1; i <= 6; i++) acks.push(await edit(member, message, `version ${i}`));
    expect(acks.slice(0, 4).every((ack) => ack.ok)).toBe(true);
    expect(acks[4]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await say(member, group.id, 'a new message')).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    expect(await bodyOf(message)).toBe('version 4');
  });

  it('does not let an approved newcomer edit around premoderation, nor anyone edit a hold term in', async () => {
    await world();
    await api(facilitator).put('/moderation/mode', { mode: 'open', premoderateDays: 7 }).expect(200);
    const member = await inRoom(t, wren, group.id);
    const held = await say(member, group.id, 'Hello, I am new');
    if (!held.ok) throw new Error('expected a held message');
    await api(facilitator).post(`/moderation/held/${held.message.id}/approve`).expect(200);
    const approved = { ...held.message };
    expect(await edit(member, approved, 'buy my course at example.com')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/review/) },
    });
    expect(await bodyOf(approved)).toBe('Hello, I am new');

    await api(facilitator).put('/moderation/mode', { mode: 'open', premoderateDays: null }).expect(200);
    await api(facilitator).post('/blocked-terms', { term: 'dosage', action: 'hold' }).expect(201);
    const peer = await inRoom(t, ash, group.id);
    const plain = await said(peer, group.id, 'thinking of you all');
    expect(await edit(peer, plain, 'what dosage helped?')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('flags an edit into a flag term for the facilitators, and keeps it', async () => {
    await world();
    await api(facilitator).post('/blocked-terms', { term: 'dosage', action: 'flag' }).expect(201);
    const member = await inRoom(t, wren, group.id);
    const message = await said(member, group.id, 'how is everyone');
    expect(await edit(member, message, 'what dosage did you have?')).toMatchObject({ ok: true });
    await settle();
    const queue = await api(facilitator).get('/moderation/queue').expect(200);
    expect(queue.body).toEqual([
      expect.objectContaining({
        kind: 'report',
        message: expect.objectContaining({ id: message.id, body: 'what dosage did you have?' }),
      }),
    ]);
  });

  it('lets a member fix a typo in slow mode without waiting, and the fix does not start a new wait', async () => {
    await world();
    await api(facilitator).put('/moderation/mode', { mode: 'slow', slowSeconds: 60 }).expect(200);
    const member = await inRoom(t, wren, group.id);
    const message = await said(member, group.id, 'teh first message');
    expect(await edit(member, message, 'the first message')).toMatchObject({ ok: true });
    t.clock.advance(61_000);
    expect(await say(member, group.id, 'a second message')).toMatchObject({ ok: true });
  });
});
