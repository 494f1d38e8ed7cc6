import { describe, expect, it } from '@jest/globals';

import { MEMBERSHIP_STATUSES, type MembershipStatus } from '../memberships/membership.entity.js';
import { postingRefusal, postingRefusals, roomEntryRefusal, type PostingFacts } from './posting-rule.js';

const facts = (overrides: Partial<PostingFacts> = {}): PostingFacts => ({
  membershipStatus: 'active',
  acceptedVersion: 2,
  currentVersion: 2,
  archived: false,
  ...overrides,
});

describe('The posting rule', () => {
  it('lets an active member who accepted the current agreement post in an open group', () => {
    expect(postingRefusals(facts())).toEqual([]);
    expect(postingRefusal(facts())).toBeNull();
    expect(roomEntryRefusal(facts())).toBeNull();
  });

  const outsiders: (MembershipStatus | null)[] = [null, 'left', 'removed', 'banned'];
  it.each(outsiders)('refuses someone whose membership is %s, whatever else holds', (status) => {
    for (const archived of [false, true]) {
      for (const acceptedVersion of [null, 1, 2]) {
        const refusal = { reason: 'not_member', message: expect.any(String) };
        const f = facts({ membershipStatus: status, archived, acceptedVersion });
        expect(postingRefusals(f)).toEqual([refusal]);
        expect(roomEntryRefusal(f)).toEqual(refusal);
      }
    }
  });

  it('asks a pending member to accept the agreement, even one whose version matches', () => {
    for (const acceptedVersion of [null, 2]) {
      expect(postingRefusal(facts({ membershipStatus: 'pending', acceptedVersion }))).toEqual({
        reason: 'consent_required',
        message: 'Accept the group agreement first',
        version: 2,
      });
    }
  });

  it('asks an active member to accept a newer agreement, naming the version required', () => {
    expect(postingRefusal(facts({ acceptedVersion: 1, currentVersion: 3 }))).toMatchObject({
      reason: 'consent_required',
      version: 3,
    });
    expect(roomEntryRefusal(facts({ acceptedVersion: null }))).toMatchObject({ reason: 'consent_required' });
  });

  it('refuses posting in an archived group but lets its members read it', () => {
    expect(postingRefusal(facts({ archived: true }))).toEqual({
      reason: 'archived',
      message: 'This group is archived and read-only',
    });
    expect(roomEntryRefusal(facts({ archived: true }))).toBeNull();
  });

  it('names the archive first when the agreement is also out of date, and still requires consent to enter', () => {
    const f = facts({ archived: true, acceptedVersion: 1 });
    expect(postingRefusals(f).map((r) => r.reason)).toEqual(['archived', 'consent_required']);
    expect(postingRefusal(f)?.reason).toBe('archived');
    expect(roomEntryRefusal(f)?.reason).toBe('consent_required');
  });

  it('covers every membership status', () => {
    const allowed = MEMBERSHIP_STATUSES.filter(
      (status) => !postingRefusal(facts({ membershipStatus: status })),
    );
    expect(allowed).toEqual(['active']);
  });
});
