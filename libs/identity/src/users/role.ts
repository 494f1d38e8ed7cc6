export const ROLES = ['admin', 'facilitator', 'member'] as const;

/** A platform role. Group roles (facilitator of one group) are separate and live in the groups library. */
export type Role = (typeof ROLES)[number];

/**
 * The powers a signed-in person holds now. Where staff must use a second factor (STAFF_2FA=required), an admin
 * or facilitator without one acts as a member until they set one up: they can still take part in their groups,
 * and nothing an attacker with only their password could reach (member emails, incidents, the admin screens)
 * is open to that session.
 */
export function effectiveRole(
  user: { role: Role; secondFactorSince: Date | null },
  staffSecondFactor: 'required' | 'optional',
): Role {
  return user.role !== 'member' && staffSecondFactor === 'required' && !user.secondFactorSince
    ? 'member'
    : user.role;
}

/** Whether this account must set up a second factor before its staff powers apply. */
export function secondFactorSetupRequired(
  user: { role: Role; secondFactorSince: Date | null },
  staffSecondFactor: 'required' | 'optional',
): boolean {
  return effectiveRole(user, staffSecondFactor) !== user.role;
}
