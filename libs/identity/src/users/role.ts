export const ROLES = ['admin', 'facilitator', 'member'] as const;

/** A platform role. Group roles (facilitator of one group) are separate and live in the groups library. */
export type Role = (typeof ROLES)[number];
