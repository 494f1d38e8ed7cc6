import type { MembershipStatus } from '../memberships/membership.entity.js';
import type { GroupAccess } from './group-policy.js';

/** What decides whether someone may post in a group right now. */
export interface PostingFacts {
  /** Null when the person has no membership in the group at all. */
  membershipStatus: MembershipStatus | null;
  /** The agreement version the person accepted, if any. */
  acceptedVersion: number | null;
  /** The version the group requires now. */
  currentVersion: number;
  archived: boolean;
}

export type PostingRefusal =
  | { reason: 'not_member'; message: string }
  | { reason: 'archived'; message: string }
  | { reason: 'consent_required'; message: string; version: number };

export const POSTING_MESSAGES = {
  not_member: 'Only members of this group can join its conversation',
  archived: 'This group is archived and read-only',
  consent_required: 'Accept the group agreement first',
} as const;

/**
 * May this person post in this group? One rule for the chat room, the gateway and sharing a reflection. Only an
 * active (or pending) membership counts; a pending one has not accepted the agreement yet. Every reason that
 * applies is returned, most decisive first: nothing can be posted in an archived group, agreement or not.
 */
export function postingRefusals(facts: PostingFacts): PostingRefusal[] {
  const { membershipStatus: status } = facts;
  if (status !== 'active' && status !== 'pending') {
    return [{ reason: 'not_member', message: POSTING_MESSAGES.not_member }];
  }
  const refusals: PostingRefusal[] = [];
  if (facts.archived) refusals.push({ reason: 'archived', message: POSTING_MESSAGES.archived });
  if (status === 'pending' || facts.acceptedVersion !== facts.currentVersion) {
    refusals.push({
      reason: 'consent_required',
      message: POSTING_MESSAGES.consent_required,
      version: facts.currentVersion,
    });
  }
  return refusals;
}

/** The reason to tell someone who tries to post, or null when they may. */
export function postingRefusal(facts: PostingFacts): PostingRefusal | null {
  return postingRefusals(facts)[0] ?? null;
}

/**
 * May this person open the group's conversation? The same rule, except that an archived group can still be
 * read by its members.
 */
export function roomEntryRefusal(facts: PostingFacts): PostingRefusal | null {
  return postingRefusals(facts).find((refusal) => refusal.reason !== 'archived') ?? null;
}

export function postingFactsOf(access: Pick<GroupAccess, 'group' | 'membership'>): PostingFacts {
  return {
    membershipStatus: access.membership?.status ?? null,
    acceptedVersion: access.membership?.agreementVersion ?? null,
    currentVersion: access.group.agreementVersion,
    archived: access.group.status === 'archived',
  };
}
