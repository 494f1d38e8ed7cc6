import type { MessageDto, MessageKind } from '@hearth/contracts';

/**
 * Domain events of the chat library, emitted on the node where the change happened, after it is committed.
 * The sockets are one listener among others (with REDIS_URL, socket.io's adapter carries the broadcast to the
 * other nodes, so these are not relayed). Listeners that write somewhere do it once, here.
 */
export const ChatEvents = {
  messagePosted: 'message.posted',
  messageEdited: 'message.edited',
  messageRemoved: 'message.removed',
} as const;

type Fields<T> = { readonly [K in keyof T]: T[K] };

/** A message took its place in a group's timeline: sent, or approved after being held. */
export class MessagePostedEvent {
  declare readonly groupId: string;
  declare readonly messageId: string;
  declare readonly seq: number;
  declare readonly authorMembershipId: string | null;
  declare readonly authorUserId: string | null;
  declare readonly kind: MessageKind;
  /** The membership of the author of the message this one answers, if it answers one. */
  declare readonly replyToMembershipId: string | null;
  /** Members named as `@pseudonym` in the text. */
  declare readonly mentionedMembershipIds: string[];
  /** The message as the group's members see it, for listeners that show it. */
  declare readonly message: MessageDto;
  /** The connection it came through, which has it in its ack already; null when it came another way. */
  declare readonly originSocketId: string | null;

  constructor(fields: Fields<MessagePostedEvent>) {
    Object.assign(this, fields);
  }
}

/** Its author changed a message's text. */
export class MessageEditedEvent {
  declare readonly groupId: string;
  declare readonly messageId: string;
  declare readonly seq: number | null;
  declare readonly authorMembershipId: string | null;
  declare readonly message: MessageDto;
  declare readonly originSocketId: string | null;

  constructor(fields: Fields<MessageEditedEvent>) {
    Object.assign(this, fields);
  }
}

export type MessageRemovalCause = 'author' | 'facilitator' | 'erasure' | 'share_withdrawn';

/**
 * A message left the conversation: deleted by its author (or by withdrawing the share it came from), taken down
 * by a facilitator, or erased with its author's account. `tombstone` is what members see from now on, when the
 * message keeps a place in the timeline.
 */
export class MessageRemovedEvent {
  declare readonly groupId: string;
  declare readonly messageId: string;
  declare readonly seq: number | null;
  declare readonly cause: MessageRemovalCause;
  /** Who removed it: the author, or the facilitator; null for erasure. */
  declare readonly byUserId: string | null;
  declare readonly authorUserId: string | null;
  declare readonly tombstone: MessageDto | null;
  /** A facilitator's removal as its author sees it (with the reason, when one was given); else null. */
  declare readonly authorsTombstone?: MessageDto | null;
  declare readonly originSocketId: string | null;

  constructor(fields: Fields<MessageRemovedEvent>) {
    Object.assign(this, fields);
  }
}
