import { coded } from '@hearth/core';
import { POSTING_MESSAGES, postingRefusal, type PostingRefusal } from '@hearth/groups';

import { ChatError } from '../chat-error.js';
import type { Speaker } from '../messages/speaker.js';

/** What a socket keeps about each group it has joined, refreshed by domain events instead of re-read. */
export interface RoomMembership {
  groupId: string;
  membershipId: string;
  pseudonym: string | null;
  role: 'facilitator' | 'member';
  /** The agreement version this member accepted, and the one the group requires. */
  acceptedVersion: number | null;
  requiredVersion: number;
  archived: boolean;
  /** When the membership became active (premoderation holds newcomers' messages). */
  joinedAt: Date | null;
}

/** A posting refusal as chat answers it (an ack error, or an HTTP error through `asHttpException`). */
export function refusalAsChatError(refusal: PostingRefusal | null): ChatError {
  switch (refusal?.reason) {
    case 'archived':
      // ARCHIVED and CONSENT_REQUIRED say it all: the client translates the contract's code itself.
      return new ChatError('ARCHIVED', refusal.message);
    case 'consent_required':
      return new ChatError('CONSENT_REQUIRED', refusal.message, { version: refusal.version });
    default:
      return new ChatError(
        'FORBIDDEN',
        coded('NOT_A_MEMBER', refusal?.message ?? POSTING_MESSAGES.not_member),
      );
  }
}

/**
 * The posting rule on what the socket already knows (no database read on the hot path): a socket holds a room
 * only while its membership is active, and events keep the versions and the archive flag current.
 */
export function assertMayPost(room: RoomMembership): void {
  const refusal = postingRefusal({
    membershipStatus: 'active',
    acceptedVersion: room.acceptedVersion,
    currentVersion: room.requiredVersion,
    archived: room.archived,
  });
  if (refusal) throw refusalAsChatError(refusal);
}

export function speakerIn(room: RoomMembership, userId: string): Speaker {
  return {
    userId,
    groupId: room.groupId,
    membershipId: room.membershipId,
    pseudonym: room.pseudonym,
    role: room.role,
    joinedAt: room.joinedAt,
  };
}
