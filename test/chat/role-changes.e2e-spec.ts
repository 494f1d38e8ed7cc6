import { IncidentsService } from '@hearth/moderation';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveFacilitator, addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until } from '../support/sockets.js';
import { enrolAuthenticator } from '../support/two-factor.js';
import { createAccount, registerUser, renew, type TestUser } from '../support/users.js';
import { inRoom, said, settle } from '../moderation/support.js';

describe('Platform role changes reach open sockets at once', () => {
  let t: TestApp;
  let admin: TestUser;
  let secondAdmin: TestUser;
  let facilitator: TestUser;
  let wren: TestUser;
  let group: GroupCard;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    secondAdmin = await createAccount(t, admin, 'facilitator', 'Second admin');
    facilitator = await createAccount(t, admin, 'facilitator');
    wren = await registerUser(t);
    group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await setRole(secondAdmin.id, 'admin');
  });

  afterEach(async () => {
    await t.close();
  });

  const setRole = (id: string, role: string) =>
    t.request().patch(`/api/admin/users/${id}`).set('Authorization', admin.auth).send({ role }).expect(200);

  async function escalateACrisis(): Promise<void> {
    const member = await inRoom(t, wren, group.id);
    await said(member, group.id, 'I want to end my life');
    t.clock.advance(11 * 60_000);
    expect(await t.app.get(IncidentsService).escalateOverdue()).toBe(1);
  }

  it('a demoted admin’s open socket (kept alive with auth:refresh) stops receiving escalations', async () => {
    const stillAdmin = collect(await connect(t, admin), 'safety:alert');
    const demotedSocket = await connect(t, secondAdmin);
    const demoted = collect(demotedSocket, 'safety:alert');

    await setRole(secondAdmin.id, 'member');
    await renew(t, secondAdmin);
    expect(
      await demotedSocket.emitWithAck('auth:refresh', { token: secondAdmin.tokens.accessToken }),
    ).toMatchObject({
      ok: true,
    });
    await escalateACrisis();
    await until(() => stillAdmin.length === 1, 'the remaining admin’s alert');
    await settle();
    expect(demoted).toEqual([]);
  });

  it('a promoted member’s open socket starts receiving escalations without reconnecting', async () => {
    const promotedSocket = await connect(t, facilitator);
    const promoted = collect(promotedSocket, 'safety:alert');
    await setRole(facilitator.id, 'admin');
    await escalateACrisis();
    // The facilitator of the group hears the alert when the incident opens, and again as an admin on escalation.
    await until(() => promoted.some((alert) => alert.escalated), 'the escalation, as an admin');
  });

  it('sockets that connect while their person’s role changes end with the role as it is now, whichever came first', async () => {
    const cofacilitator = await createAccount(t, admin, 'facilitator');
    await addActiveFacilitator(t, facilitator, group.id, cofacilitator, 'Co');
    const lead = collect(await connect(t, facilitator), 'safety:alert');
    // Each connection races a change of role; the last change demotes her.
    const alerts = [];
    for (const role of ['member', 'facilitator', 'member']) {
      const [socket] = await Promise.all([connect(t, cofacilitator), setRole(cofacilitator.id, role)]);
      alerts.push(collect(socket, 'safety:alert'));
    }
    await settle();
    await said(await inRoom(t, wren, group.id), group.id, 'I want to end my life');
    await until(() => lead.length === 1, 'the lead facilitator’s alert');
    await settle();
    expect(alerts.map((seen) => seen.length)).toEqual([0, 0, 0]);
  });
});

describe('Staff without the required second factor hold member powers on their sockets too', () => {
  let t: TestApp;

  afterEach(async () => {
    await t.close();
  });

  it('an admin without two-step verification gets no escalations until they set it up, then at once', async () => {
    t = await createTestApp({ env: { STAFF_2FA: 'required' } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    await enrolAuthenticator(t, admin);
    const newAdmin = await createAccount(t, admin, 'facilitator', 'New admin');
    await t
      .request()
      .patch(`/api/admin/users/${newAdmin.id}`)
      .set('Authorization', admin.auth)
      .send({ role: 'admin' })
      .expect(200);
    const facilitator = await createAccount(t, admin, 'facilitator');
    await enrolAuthenticator(t, facilitator);
    const wren = await registerUser(t);
    const group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    const ash = await registerUser(t);
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');

    const enrolled = collect(await connect(t, admin), 'safety:alert');
    const notYet = collect(await connect(t, newAdmin), 'safety:alert');
    // One open incident per person: each escalation comes from someone else.
    const escalate = async (who: TestUser, words: string) => {
      await said(await inRoom(t, who, group.id), group.id, words);
      t.clock.advance(11 * 60_000);
      expect(await t.app.get(IncidentsService).escalateOverdue()).toBe(1);
    };
    await escalate(wren, 'I want to end my life');
    await until(() => enrolled.length === 1, 'the enrolled admin’s escalation');
    await settle();
    expect(notYet).toEqual([]);

    // Setting it up gives the open socket its admin powers without reconnecting.
    await enrolAuthenticator(t, newAdmin);
    await settle();
    await escalate(ash, 'I want to end my life');
    await until(() => notYet.length === 1, 'the newly enrolled admin’s escalation');
  });
});
