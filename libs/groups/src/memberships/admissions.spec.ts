import { ConflictException, ForbiddenException } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';

import { assertMayJoin, holdsSeat } from './admissions.js';
import { MEMBERSHIP_STATUSES, type Membership, type MembershipStatus } from './membership.entity.js';

const membership = (status: MembershipStatus, role: 'member' | 'facilitator' = 'member') =>
  ({ status, role }) as Membership;

describe('Admission decisions', () => {
  it('lets in someone new, or someone who left or was removed (not banned)', () => {
    expect(() => assertMayJoin(null)).not.toThrow();
    for (const status of ['left', 'removed'] as const) {
      expect(() => assertMayJoin(membership(status))).not.toThrow();
    }
  });

  it('refuses a banned person with 403, and someone already in (pending or active) with 409', () => {
    expect(() => assertMayJoin(membership('banned'))).toThrow(ForbiddenException);
    expect(() => assertMayJoin(membership('pending'))).toThrow(ConflictException);
    expect(() => assertMayJoin(membership('active'))).toThrow(ConflictException);
  });

  it('counts a seat for members who are pending or active, never for facilitators', () => {
    const seated = MEMBERSHIP_STATUSES.filter((status) => holdsSeat(membership(status)));
    expect(seated).toEqual(['pending', 'active']);
    expect(MEMBERSHIP_STATUSES.filter((status) => holdsSeat(membership(status, 'facilitator')))).toEqual([]);
  });
});
