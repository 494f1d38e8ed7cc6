/** A small, gentle set: reactions in a support group are for acknowledgement, not for judging. */
export const REACTION_EMOJI = ['❤️', '🙏', '🤗', '🌱', '✨', '💧', '👍', '😢'] as const;
export type ReactionEmoji = (typeof REACTION_EMOJI)[number];

export const MESSAGE_MAX_LENGTH = 4000;
export const EDIT_WINDOW_MINUTES = 15;

export type MessageKind = 'text' | 'reflection' | 'system';

/** How people appear in chat: by membership and pseudonym, never by account or email. */
export interface AuthorDto {
  membershipId: string;
  pseudonym: string | null;
  role: 'facilitator' | 'member';
}

export interface ReactionDto {
  emoji: ReactionEmoji;
  count: number;
  membershipIds: string[];
}

/**
 * `visible`: in the timeline. `held`: waiting for a facilitator's review, seen only by its author (and the
 * group's facilitators); it gets its seq when approved. `removed`: taken down by a facilitator; members see a
 * tombstone, facilitators still see the text until retention deletes it.
 */
export type MessageStatus = 'visible' | 'held' | 'removed';

export interface MessageDto {
  id: string;
  groupId: string;
  /** Per-group, strictly increasing, gap-free order. Null while the message is held for review. */
  seq: number | null;
  status: MessageStatus;
  /** The sender's idempotency key. */
  clientId: string | null;
  kind: MessageKind;
  author: AuthorDto | null;
  /** Null once deleted by its author, or removed by a facilitator (except for facilitators). */
  body: string | null;
  replyToId: string | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  reactions: ReactionDto[];
  /**
   * Why a facilitator removed it, when they said: only in its author's own copy (her history, her catch-up and
   * the tombstone she is sent live); nobody else is shown it.
   */
  removalReason?: string;
}

export interface MessageEditDto {
  body: string;
  /** When this version was replaced. */
  replacedAt: string;
}
