import type { Caller } from '@hearth/identity';

import type { Group } from '../groups/group.entity.js';
import type { Membership, MembershipStatus } from '../memberships/membership.entity.js';
import { can, type GroupAccess, type GroupAction } from './group-policy.js';

type Who =
  | 'admin'
  | 'facilitator'
  | 'demotedFacilitator'
  | 'pendingFacilitator'
  | 'active'
  | 'pending'
  | 'left'
  | 'removed'
  | 'banned'
  | 'stranger';

function access(who: Who, visibility: 'listed' | 'unlisted'): GroupAccess {
  const platformRole =
    who === 'admin'
      ? 'admin'
      : who === 'facilitator' || who === 'pendingFacilitator'
        ? 'facilitator'
        : 'member';
  const caller: Caller = { userId: 'u', role: platformRole, sessionId: 's' };
  const group = { id: 'g', visibility } as Group;
  const status: Record<Who, MembershipStatus | null> = {
    admin: null,
    facilitator: 'active',
    demotedFacilitator: 'active',
    pendingFacilitator: 'pending',
    active: 'active',
    pending: 'pending',
    left: 'left',
    removed: 'removed',
    banned: 'banned',
    stranger: null,
  };
  const role = ['facilitator', 'demotedFacilitator', 'pendingFacilitator'].includes(who)
    ? 'facilitator'
    : 'member';
  const membership = status[who] ? ({ status: status[who], role } as Membership) : null;
  return { caller, group, membership };
}

const ACTIONS: GroupAction[] = ['view', 'participate', 'read', 'manage'];

// Each row: who, then whether they may view / participate / read / manage, on a listed and an unlisted group.
const TABLE: [Who, string, string][] = [
  ['admin', 'y n y y', 'y n y y'],
  ['facilitator', 'y y y y', 'y y y y'],
  // A facilitator membership held by an account an admin made a member account: a member's powers only.
  ['demotedFacilitator', 'y y y n', 'y y y n'],
  ['pendingFacilitator', 'y y n n', 'y y n n'],
  ['active', 'y y y n', 'y y y n'],
  ['pending', 'y y n n', 'y y n n'],
  ['left', 'y n n n', 'y n n n'],
  ['removed', 'y n n n', 'y n n n'],
  ['banned', 'y n n n', 'n n n n'],
  ['stranger', 'y n n n', 'n n n n'],
];

describe('can(access, action)', () => {
  it.each(TABLE)('%s: listed %s, unlisted %s', (who, listed, unlisted) => {
    for (const [visibility, row] of [
      ['listed', listed],
      ['unlisted', unlisted],
    ] as const) {
      const expected = row.split(' ').map((cell) => cell === 'y');
      const actual = ACTIONS.map((action) => can(access(who, visibility), action));
      expect({ visibility, allowed: actual }).toEqual({ visibility, allowed: expected });
    }
  });
});

describe('can(access, action) in a check-in', () => {
  const checkIn = (escalatedAt: Date | null) =>
    ({ id: 'c', kind: 'check_in', visibility: 'unlisted', escalatedAt }) as Group;
  const admin: Caller = { userId: 'a', role: 'admin', sessionId: 's' };

  it('keeps an admin out until one of its incidents is escalated', () => {
    expect(
      ACTIONS.map((action) => can({ caller: admin, group: checkIn(null), membership: null }, action)),
    ).toEqual([false, false, false, false]);
    expect(
      ACTIONS.map((action) => can({ caller: admin, group: checkIn(new Date()), membership: null }, action)),
    ).toEqual([true, false, true, true]);
  });

  it('gives its member and its facilitators their usual powers', () => {
    const facilitator = { status: 'active', role: 'facilitator' } as Membership;
    const member = { status: 'active', role: 'member' } as Membership;
    const staff: Caller = { userId: 'f', role: 'facilitator', sessionId: 's' };
    const person: Caller = { userId: 'm', role: 'member', sessionId: 's' };
    expect(
      ACTIONS.map((action) => can({ caller: staff, group: checkIn(null), membership: facilitator }, action)),
    ).toEqual([true, true, true, true]);
    expect(
      ACTIONS.map((action) => can({ caller: person, group: checkIn(null), membership: member }, action)),
    ).toEqual([true, true, true, false]);
  });
});
