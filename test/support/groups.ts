import type { ApiTarget } from './app.js';
import type { TestUser } from './users.js';

export interface GroupCard {
  id: string;
  name: string;
  seatsLeft: number;
  agreementVersion: number;
  status: string;
  membership: null | {
    id: string;
    role: string;
    status: string;
    pseudonym: string | null;
    consentRequired: boolean;
    endedReason?: string;
    endedNote?: string;
  };
}

/** A group created through the API by a facilitator (or admin), who becomes its first facilitator. */
export async function createGroup(
  t: ApiTarget,
  facilitator: TestUser,
  fields: Record<string, unknown> = {},
): Promise<GroupCard> {
  const response = await t
    .request()
    .post('/api/groups')
    .set('Authorization', facilitator.auth)
    .send({ name: 'Tuesday circle', kind: 'circle', timezone: 'Europe/Berlin', ...fields });
  if (response.status !== 201)
    throw new Error(`create group failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as GroupCard;
}

export async function createInvite(
  t: ApiTarget,
  facilitator: TestUser,
  groupId: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; code: string }> {
  const response = await t
    .request()
    .post(`/api/groups/${groupId}/invites`)
    .set('Authorization', facilitator.auth)
    .send(fields);
  if (response.status !== 201)
    throw new Error(`create invite failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; code: string };
}

export function redeem(t: ApiTarget, user: TestUser, code: string, pseudonym: string) {
  return t.request().post(`/api/invites/${code}/redeem`).set('Authorization', user.auth).send({ pseudonym });
}

export function acceptAgreement(t: ApiTarget, user: TestUser, groupId: string, version = 1) {
  return t
    .request()
    .post(`/api/groups/${groupId}/agreement/accept`)
    .set('Authorization', user.auth)
    .send({ version });
}

/** Brings a user into a group as an active member: invite, redeem, accept the agreement. */
export async function addActiveMember(
  t: ApiTarget,
  facilitator: TestUser,
  groupId: string,
  member: TestUser,
  pseudonym: string,
): Promise<{ membershipId: string }> {
  const invite = await createInvite(t, facilitator, groupId);
  const redeemed = await redeem(t, member, invite.code, pseudonym);
  if (redeemed.status !== 200)
    throw new Error(`redeem failed: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
  const card = await t.request().get(`/api/groups/${groupId}`).set('Authorization', member.auth);
  const accepted = await acceptAgreement(t, member, groupId, card.body.agreementVersion);
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { membershipId: (card.body as { membership: { id: string } }).membership.id };
}

/** Makes a facilitator account a further facilitator of a group, through its lead, and accepts the agreement. */
export async function addActiveFacilitator(
  t: ApiTarget,
  lead: TestUser,
  groupId: string,
  facilitator: TestUser,
  pseudonym: string,
): Promise<void> {
  await t
    .request()
    .post(`/api/groups/${groupId}/facilitators`)
    .set('Authorization', lead.auth)
    .send({ userId: facilitator.id, pseudonym })
    .expect(201);
  await acceptAgreement(t, facilitator, groupId).expect(200);
}

/** A meeting scheduled through the API by a facilitator; answers its id. */
export async function scheduleMeeting(
  t: ApiTarget,
  facilitator: TestUser,
  groupId: string,
  startsAt: Date,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const response = await t
    .request()
    .post(`/api/groups/${groupId}/meetings`)
    .set('Authorization', facilitator.auth)
    .send({ title: 'Circle', startsAt: startsAt.toISOString(), durationMinutes: 60, ...fields });
  if (response.status !== 201)
    throw new Error(`schedule meeting failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}
