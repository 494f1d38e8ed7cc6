import type { AckCallback } from './errors.js';
import type { MessageDto, ReactionDto, ReactionEmoji } from './messages.js';

// Client → server payloads.
export interface GroupJoinPayload {
  groupId: string;
  /** The last seq this client has; every later message is returned in `missed`. */
  sinceSeq?: number;
}
export interface GroupLeavePayload {
  groupId: string;
}
export interface MessageSendPayload {
  groupId: string;
  /** A uuid the client makes per message and reuses when resending it. */
  clientId: string;
  body: string;
  replyToId?: string;
}
export interface MessageEditPayload {
  messageId: string;
  body: string;
}
export interface MessageDeletePayload {
  messageId: string;
}
export interface ReactionPayload {
  messageId: string;
  emoji: ReactionEmoji;
}
export interface TypingPayload {
  groupId: string;
  isTyping: boolean;
}
export interface ReadPayload {
  groupId: string;
  seq: number;
}
export interface AuthRefreshPayload {
  token: string;
}

// Acks.
export interface GroupJoinAck {
  lastSeq: number;
  missed: MessageDto[];
  /** My own messages still waiting for a facilitator's review. */
  held: MessageDto[];
  /** More missed messages exist than were returned: fetch them with GET /api/groups/:id/messages?after=… */
  hasMore: boolean;
  online: string[];
}
export interface MessageAck {
  message: MessageDto;
}

export interface ClientToServerEvents {
  'group:join': (payload: GroupJoinPayload, ack: AckCallback<GroupJoinAck>) => void;
  'group:leave': (payload: GroupLeavePayload, ack: AckCallback) => void;
  'message:send': (payload: MessageSendPayload, ack: AckCallback<MessageAck>) => void;
  'message:edit': (payload: MessageEditPayload, ack: AckCallback<MessageAck>) => void;
  'message:delete': (payload: MessageDeletePayload, ack: AckCallback<MessageAck>) => void;
  'reaction:add': (payload: ReactionPayload, ack: AckCallback<{ reactions: ReactionDto[] }>) => void;
  'reaction:remove': (payload: ReactionPayload, ack: AckCallback<{ reactions: ReactionDto[] }>) => void;
  typing: (payload: TypingPayload, ack?: AckCallback) => void;
  read: (payload: ReadPayload, ack: AckCallback<{ seq: number }>) => void;
  'auth:refresh': (payload: AuthRefreshPayload, ack: AckCallback<{ expiresAt: string }>) => void;
}

// Server → client payloads.
export interface TypingEvent {
  groupId: string;
  membershipId: string;
  pseudonym: string | null;
  isTyping: boolean;
}
export interface PresenceEvent {
  groupId: string;
  /** Membership ids of members with at least one connected, joined socket. */
  online: string[];
}
export interface ReactionUpdatedEvent {
  groupId: string;
  messageId: string;
  reactions: ReactionDto[];
}
export interface MessageDeletedEvent {
  groupId: string;
  messageId: string;
  seq: number;
}
export type NoticeKind =
  | 'membership.removed'
  | 'membership.banned'
  | 'session.ended'
  /** Its owner ended this sign-in as not theirs: forget everything on this screen. */
  | 'session.disowned'
  /** The connection kept sending after RATE_LIMITED answers and was closed; reconnect after a pause. */
  | 'connection.closed'
  | 'auth.expired'
  | 'consent.required'
  | 'role.changed'
  | 'moderation.warning'
  | 'moderation.muted'
  | 'moderation.unmuted'
  | 'moderation.message_removed'
  | 'moderation.held_approved'
  | 'moderation.held_rejected'
  /** A private check-in was opened with me, or (to its facilitators) a member of the group asked for one. */
  | 'checkIn.opened';
export interface NoticeEvent {
  kind: NoticeKind;
  groupId?: string;
  /** With `checkIn.opened`: the check-in to open. */
  checkInId?: string;
  message: string;
  /** A facilitator's reason, when there is one. */
  reason?: string | null;
  /**
   * With `membership.removed`: whether I left (on another device) or a facilitator removed me. Absent when a
   * re-check found the membership gone.
   */
  cause?: 'left' | 'removed';
}

/** A neutral line in the room about a facilitator's action; it names no one and gives no reason. */
export interface ModerationRoomEvent {
  groupId: string;
  kind:
    | 'message.removed'
    | 'member.muted'
    | 'member.unmuted'
    | 'member.left'
    | 'member.removed'
    | 'mode.changed'
    | 'pins.changed';
  text: string;
  messageId?: string;
  mode?: RoomModeDto;
}

export interface RoomModeDto {
  mode: 'open' | 'read_only' | 'slow';
  /** With `slow`: one message per member every this many seconds. */
  slowSeconds: number | null;
  /** Messages of members who joined less than this many days ago are held for review; null: off. */
  premoderateDays: number | null;
}

/** For the group's facilitators: something needs a look. */
export interface ModerationReportEvent {
  groupId: string;
  kind: 'report' | 'held' | 'flag';
  itemId: string;
  messageId: string;
  reason: string;
}

export interface CrisisResourceDto {
  name: string;
  description: string;
  phone?: string;
  text?: string;
  url?: string;
}

/** Sent privately to someone who wrote words of crisis: where to find help now. */
export interface SafetyResourcesEvent {
  groupId: string;
  country: string;
  /** The language of the message and resources: the writer's own (English or Spanish). */
  language: 'en' | 'es';
  tier: 'urgent' | 'concern';
  message: string;
  resources: CrisisResourceDto[];
  /**
   * Whether a facilitator has been reached (a live connection got the alert, or a push service or the mail
   * server accepted one), and a line saying so in her language. False at first; `safety:reached` follows when
   * someone is reached. Never claimed before it is true.
   */
  told: boolean;
  toldMessage: string;
  /** When the group next meets (its facilitators are there then), UTC; null when no meeting is planned. */
  facilitatorsNextAt: string | null;
}

/** To the person who wrote words of crisis: a facilitator has been reached. */
export interface SafetyReachedEvent {
  groupId: string;
  /** "A facilitator has been told.", in her language. */
  message: string;
}

/** Sent to a group's online facilitators (and, on escalation, to admins) at once. */
export interface SafetyAlertEvent {
  incidentId: string;
  groupId: string;
  groupName: string;
  membershipId: string | null;
  pseudonym: string | null;
  messageId: string | null;
  source: 'detector' | 'report' | 'questionnaire' | 'facilitator';
  category: string;
  /** `urgent` is shown as such everywhere and starts the escalation clock at once. */
  tier: 'urgent' | 'concern';
  openedAt: string;
  escalated: boolean;
}

export interface ServerToClientEvents {
  'message:new': (message: MessageDto) => void;
  'message:updated': (message: MessageDto) => void;
  'message:deleted': (event: MessageDeletedEvent) => void;
  'reaction:updated': (event: ReactionUpdatedEvent) => void;
  typing: (event: TypingEvent) => void;
  presence: (event: PresenceEvent) => void;
  notice: (event: NoticeEvent) => void;
  'moderation:event': (event: ModerationRoomEvent) => void;
  'moderation:report': (event: ModerationReportEvent) => void;
  'safety:resources': (event: SafetyResourcesEvent) => void;
  'safety:alert': (event: SafetyAlertEvent) => void;
  'safety:reached': (event: SafetyReachedEvent) => void;
}

export const CLIENT_EVENTS = [
  'group:join',
  'group:leave',
  'message:send',
  'message:edit',
  'message:delete',
  'reaction:add',
  'reaction:remove',
  'typing',
  'read',
  'auth:refresh',
] as const satisfies readonly (keyof ClientToServerEvents)[];

export const CHAT_NAMESPACE = '/chat';
