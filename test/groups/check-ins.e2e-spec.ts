import { strFromU8 } from 'fflate';

import type { CheckInDto } from '@hearth/contracts';
import { GroupEvents, GroupPolicy } from '@hearth/groups';
import { DataSource } from 'typeorm';

import { inRoom, said, say } from '../moderation/support.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { recordDomainEvents } from '../support/events.js';
import { addActiveFacilitator, addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until } from '../support/sockets.js';
import {
  createAccount,
  eraseAccount,
  exportOf,
  registerUser,
  renew,
  type TestUser,
} from '../support/users.js';

/** Check-ins: a private conversation between a group's facilitators and one member (docs/check-ins.md). */
describe('Check-ins', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let coFacilitator: TestUser;
  let otherFacilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let group: GroupCard;
  let wrenMembership: string;

  beforeEach(async () => {
    t = await createTestApp({ env: { CHAT_RATE_LIMIT: '1000' } });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    coFacilitator = await createAccount(t, admin, 'facilitator');
    otherFacilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    ash = await registerUser(t);
    group = await createGroup(t, facilitator, { name: 'Postpartum circle', facilitatorPseudonym: 'Fern' });
    await createGroup(t, otherFacilitator, { name: 'Elsewhere' });
    ({ membershipId: wrenMembership } = await addActiveMember(t, facilitator, group.id, wren, 'Wren'));
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
  });

  afterEach(async () => {
    await t.close();
  });

  const start = (user: TestUser, body: object = {}, groupId = group.id) =>
    t.request().post(`/api/groups/${groupId}/check-ins`).set('Authorization', user.auth).send(body);
  const history = (user: TestUser, checkInId: string) =>
    t.request().get(`/api/groups/${checkInId}/messages`).set('Authorization', user.auth);
  const checkInWithWren = async (): Promise<CheckInDto> =>
    (await start(facilitator, { membershipId: wrenMembership }).expect(200)).body as CheckInDto;

  async function addCoFacilitator(): Promise<void> {
    await addActiveFacilitator(t, facilitator, group.id, coFacilitator, 'Moss');
  }

  describe('Start a check-in - POST /api/groups/:id/check-ins', () => {
    it('requires authentication', async () => {
      await t.request().post(`/api/groups/${group.id}/check-ins`).send({}).expect(401);
    });

    it('a facilitator opens one with a member; asked again, by either side, it is the same one', async () => {
      const opened = await checkInWithWren();
      expect(opened).toMatchObject({
        groupId: group.id,
        groupName: 'Postpartum circle',
        member: { pseudonym: 'Wren' },
        status: 'open',
        startedBy: 'facilitator',
        mine: false,
        closedAt: null,
      });
      expect(opened.id).not.toBe(group.id);
      expect((await checkInWithWren()).id).toBe(opened.id);
      const asked = await start(wren).expect(200);
      expect(asked.body).toMatchObject({ id: opened.id, mine: true });
    });

    it('a member asks to talk to her facilitators', async () => {
      const asked = await start(ash).expect(200);
      expect(asked.body).toMatchObject({ startedBy: 'member', mine: true, member: { pseudonym: 'Ash' } });
      const seen = await t.request().get('/api/check-ins').set('Authorization', facilitator.auth).expect(200);
      expect(seen.body.map((c: CheckInDto) => c.id)).toEqual([asked.body.id]);
    });

    it('refuses other members, other groups’ facilitators, admins, and check-ins with a facilitator', async () => {
      await start(ash, { membershipId: wrenMembership }).expect(403);
      await start(otherFacilitator, { membershipId: wrenMembership }).expect(403);
      await start(admin, { membershipId: wrenMembership }).expect(403);
      await start(otherFacilitator).expect(403);
      const staff = await t
        .request()
        .get(`/api/groups/${group.id}/members`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      const fern = staff.body.find((m: { pseudonym: string }) => m.pseudonym === 'Fern');
      await start(facilitator, { membershipId: fern.membershipId }).expect(409);
      await start(facilitator).expect(409);
      await start(facilitator, { membershipId: '8d3a3f8e-1111-4a4a-9b9b-123456789abc' }).expect(404);
    });

    it('is never listed, discovered or invited into as a group', async () => {
      const checkIn = await checkInWithWren();
      for (const [user, scope] of [
        [wren, 'mine'],
        [facilitator, 'mine'],
        [wren, 'discover'],
        [admin, 'all'],
      ] as const) {
        const list = await t.request().get(`/api/groups?scope=${scope}`).set('Authorization', user.auth);
        expect(list.body.map((g: GroupCard) => g.id)).not.toContain(checkIn.id);
      }
      await t
        .request()
        .post(`/api/groups/${checkIn.id}/invites`)
        .set('Authorization', facilitator.auth)
        .send({})
        .expect(409);
      const within = await start(facilitator, { membershipId: wrenMembership }, checkIn.id).expect(200);
      expect(within.body.id).toBe(checkIn.id);
      await start(ash, {}, checkIn.id).expect(404);
      // Nor is it one of her groups where groups are offered (prompts, questionnaires to tell).
      expect(await t.app.get(GroupPolicy).activeGroupIds(wren.id)).toEqual([group.id]);
    });
  });

  describe('Its conversation: who may read and write (group:join, message:send, GET messages)', () => {
    it('is the member’s and her group’s facilitators’, nobody else’s', async () => {
      await addCoFacilitator();
      const checkIn = await checkInWithWren();
      const member = await inRoom(t, wren, checkIn.id);
      const fac = await inRoom(t, facilitator, checkIn.id);
      const live = collect(fac, 'message:new');
      await said(member, checkIn.id, 'Thank you for asking. I am still here.');
      await until(() => live.length === 1, 'the member’s message, live');
      expect(live[0]).toMatchObject({ author: { pseudonym: 'Wren' } });
      const co = await inRoom(t, coFacilitator, checkIn.id);
      await said(co, checkIn.id, 'We are glad you wrote back.');

      const matrix: [string, TestUser, boolean][] = [
        ['the member', wren, true],
        ['her facilitator', facilitator, true],
        ['a co-facilitator', coFacilitator, true],
        ['another member', ash, false],
        ['another group’s facilitator', otherFacilitator, false],
        ['an admin, without an escalation', admin, false],
      ];
      for (const [who, user, allowed] of matrix) {
        const socket = await connect(t, user);
        const joined = await socket.emitWithAck('group:join', { groupId: checkIn.id });
        const sent = await say(socket, checkIn.id, 'hello');
        const read = await history(user, checkIn.id);
        expect({ who, joined: joined.ok, sent: sent.ok, read: read.status }).toEqual({
          who,
          joined: allowed,
          sent: allowed,
          read: allowed ? 200 : 404,
        });
        if (allowed)
          expect(read.body.map((m: { body: string }) => m.body)).toContain('We are glad you wrote back.');
        socket.disconnect();
      }
      await t.request().get(`/api/check-ins/${checkIn.id}`).set('Authorization', ash.auth).expect(404);
      await t.request().get(`/api/check-ins/${checkIn.id}`).set('Authorization', admin.auth).expect(404);
    });

    it('follows the group’s facilitators: one added joins it, one made a member leaves it', async () => {
      const checkIn = await checkInWithWren();
      expect(await history(coFacilitator, checkIn.id)).toMatchObject({ status: 404 });
      await addCoFacilitator();
      await history(coFacilitator, checkIn.id).expect(200);
      await t
        .request()
        .patch(`/api/groups/${group.id}/members/${coFacilitator.id}`)
        .set('Authorization', facilitator.auth)
        .send({ role: 'member' })
        .expect(200);
      await history(coFacilitator, checkIn.id).expect(403);
      const socket = await connect(t, coFacilitator);
      expect(await socket.emitWithAck('group:join', { groupId: checkIn.id })).toMatchObject({ ok: false });
    });

    it('closes when she leaves the group: she can still read it, nobody can write', async () => {
      const checkIn = await checkInWithWren();
      const fac = await inRoom(t, facilitator, checkIn.id);
      await said(fac, checkIn.id, 'How are you today?');
      await t
        .request()
        .delete(`/api/groups/${group.id}/members/${wren.id}`)
        .set('Authorization', wren.auth)
        .send({})
        .expect(204);
      await history(wren, checkIn.id).expect(200);
      const closed = await t.request().get(`/api/check-ins/${checkIn.id}`).set('Authorization', wren.auth);
      expect(closed.body).toMatchObject({ status: 'closed' });
      await until(
        async () => !(await say(fac, checkIn.id, 'Still there?')).ok,
        'the archive reaching the socket',
      );
      expect(await say(fac, checkIn.id, 'Still there?')).toMatchObject({
        ok: false,
        error: { code: 'ARCHIVED' },
      });
    });

    it('is closed by its member or a facilitator; the next one is a new conversation', async () => {
      const checkIn = await checkInWithWren();
      await t.request().post(`/api/check-ins/${checkIn.id}/close`).set('Authorization', ash.auth).expect(404);
      const closed = await t
        .request()
        .post(`/api/check-ins/${checkIn.id}/close`)
        .set('Authorization', wren.auth)
        .expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
      const next = await checkInWithWren();
      expect(next.id).not.toBe(checkIn.id);
      const mine = await t.request().get('/api/check-ins').set('Authorization', wren.auth).expect(200);
      expect(mine.body.map((c: CheckInDto) => [c.id, c.status])).toEqual([
        [next.id, 'open'],
        [checkIn.id, 'closed'],
      ]);
    });
  });

  describe('Events', () => {
    it('announces a check-in opened and closed, and its participants joining and leaving, after commit', async () => {
      const recorder = recordDomainEvents(t);
      const checkIn = await checkInWithWren();
      await checkInWithWren();
      expect(recorder.of(GroupEvents.checkInOpened)).toEqual([
        { checkInId: checkIn.id, groupId: group.id, userId: wren.id, by: facilitator.id },
      ]);
      expect(recorder.of(GroupEvents.membershipActivated).map((e) => [e.groupId, e.userId])).toEqual(
        expect.arrayContaining([
          [checkIn.id, wren.id],
          [checkIn.id, facilitator.id],
        ]),
      );
      await addCoFacilitator();
      await t
        .request()
        .patch(`/api/groups/${group.id}/members/${coFacilitator.id}`)
        .set('Authorization', facilitator.auth)
        .send({ role: 'member' })
        .expect(200);
      expect(recorder.of(GroupEvents.membershipEnded)).toEqual([
        expect.objectContaining({ groupId: checkIn.id, userId: coFacilitator.id, reason: 'removed' }),
      ]);
      await t
        .request()
        .post(`/api/check-ins/${checkIn.id}/close`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(recorder.of(GroupEvents.checkInClosed)).toEqual([
        { checkInId: checkIn.id, groupId: group.id, userId: wren.id, by: facilitator.id },
      ]);
      expect(recorder.events.filter((e) => e.inTransaction)).toEqual([]);
      recorder.stop();
    });
  });

  describe('Safety in a check-in', () => {
    it('crisis words open an incident there; admins may read it once it escalates, and that is logged', async () => {
      const checkIn = await checkInWithWren();
      const fac = await connect(t, facilitator);
      const alerts = collect(fac, 'safety:alert');
      const member = await inRoom(t, wren, checkIn.id);
      await say(member, checkIn.id, 'I keep thinking about suicide');
      await until(() => alerts.length === 1, 'the facilitator’s alert');
      expect(alerts[0]).toMatchObject({ groupId: checkIn.id, pseudonym: 'Wren' });
      const incidents = await t
        .request()
        .get(`/api/groups/${checkIn.id}/moderation/incidents`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      expect(incidents.body).toEqual([expect.objectContaining({ status: 'open', pseudonym: 'Wren' })]);
      await history(admin, checkIn.id).expect(404);

      const { IncidentsService } = await import('@hearth/moderation');
      t.clock.advance(11 * 60_000);
      expect(await t.app.get(IncidentsService).escalateOverdue()).toBe(1);
      await renew(t, admin);
      await renew(t, wren);
      const read = await history(admin, checkIn.id).expect(200);
      expect(read.body.map((m: { body: string }) => m.body)).toContain('I keep thinking about suicide');
      const log = await t.request().get('/api/me/access-log').set('Authorization', wren.auth).expect(200);
      expect(log.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'check_in', resourceId: checkIn.id, actorRole: 'admin' }),
        ]),
      );
      expect(log.body.items.filter((e: { kind: string }) => e.kind === 'check_in')).toHaveLength(1);
    });
  });

  describe('Erasing its group - DELETE /api/groups/:id', () => {
    it('erases its check-ins with it: their messages, keys and incidents', async () => {
      const checkIn = await checkInWithWren();
      const member = await inRoom(t, wren, checkIn.id);
      await say(member, checkIn.id, 'I keep thinking about suicide');
      member.disconnect();
      const db = t.app.get(DataSource);
      const count = async (table: string) =>
        Number(
          (
            (await db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE group_id = ?`, [checkIn.id])) as {
              n: number;
            }[]
          )[0].n,
        );
      expect([await count('messages'), await count('group_keys'), await count('incidents')]).toEqual([
        1, 1, 1,
      ]);
      await t
        .request()
        .post(`/api/groups/${group.id}/archive`)
        .set('Authorization', facilitator.auth)
        .expect(200);
      await t.request().delete(`/api/groups/${group.id}`).set('Authorization', admin.auth).expect(204);
      expect([await count('messages'), await count('group_keys'), await count('incidents')]).toEqual([
        0, 0, 0,
      ]);
    });
  });

  describe('Her data', () => {
    it('her export holds her check-in and her messages in it; erasure takes the whole check-in', async () => {
      const checkIn = await checkInWithWren();
      const member = await inRoom(t, wren, checkIn.id);
      await said(member, checkIn.id, 'Only for you two: the nights are the hardest.');
      const fac = await inRoom(t, facilitator, checkIn.id);
      await said(fac, checkIn.id, 'Thank you for telling us.');
      const data = JSON.parse(strFromU8((await exportOf(t, wren))['hearth-export.json']));
      expect(data.checkIns).toEqual([expect.objectContaining({ id: checkIn.id, groupId: group.id })]);
      expect(data.messages).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            groupId: checkIn.id,
            body: 'Only for you two: the nights are the hardest.',
          }),
        ]),
      );
      expect(JSON.stringify(data.messages)).not.toContain('Thank you for telling us.');

      await eraseAccount(t, wren);
      await history(facilitator, checkIn.id).expect(404);
      const left = await t.request().get('/api/check-ins').set('Authorization', facilitator.auth).expect(200);
      expect(left.body).toEqual([]);
    });
  });
});
