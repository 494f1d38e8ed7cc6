import type {
  AckError,
  MessageDto,
  ModerationRoomEvent,
  NoticeEvent,
  ReactionEmoji,
  RoomStateDto,
  ServerToClientEvents,
  TypingEvent,
} from '@hearth/contracts';

import type { Http } from '../api/http';
import type { ChatConnection } from './connection';

/** A message I wrote that the server has not confirmed yet. It is resent with the same clientId until it is. */
export interface PendingMessage {
  clientId: string;
  body: string;
  replyToId: string | null;
  createdAt: string;
  state: 'sending' | 'queued' | 'failed';
  error?: AckError;
}

export interface RoomLine {
  id: string;
  /** The server's words (English), for a line the client has no translation of. */
  text: string;
  kind: ModerationRoomEvent['kind'];
  mode?: ModerationRoomEvent['mode'];
}

export interface RoomSnapshot {
  joined: boolean;
  joinError: AckError | null;
  /** I am not (or no longer) a member of the group: removed, banned, or refused when joining. */
  outOfGroup: boolean;
  /** Visible and removed messages in seq order. */
  timeline: MessageDto[];
  /** My messages waiting for a facilitator. */
  held: MessageDto[];
  pending: PendingMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  online: string[];
  typing: TypingEvent[];
  state: RoomStateDto | null;
  /** Neutral lines about facilitators' actions, newest last. */
  lines: RoomLine[];
  notice: NoticeEvent | null;
  lastSeq: number;
  /** When slow mode next lets me post (epoch ms), or 0. */
  nextPostAt: number;
}

const ACK_TIMEOUT_MS = 10_000;
/** How many of the latest messages a rejoin reads again, for what changed in place while it was away. */
const RECHECKED_ON_REJOIN = 50;
/** Refusals that mean the room or my place in it changed. */
const REFRESH_STATE_ON = new Set(['MUTED', 'READ_ONLY', 'CONSENT_REQUIRED', 'ARCHIVED']);

/**
 * One group's live room. It keeps the timeline keyed by message id (so a message seen twice is shown once),
 * catches up with `sinceSeq` after every reconnection, and owns the outbox: unconfirmed messages are kept in
 * sessionStorage and resent with their clientId, which the server uses to store each message exactly once.
 */
export class RoomStore {
  private readonly messages = new Map<string, MessageDto>();
  private held = new Map<string, MessageDto>();
  private pending: PendingMessage[];
  private snapshotCache: RoomSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly detach: (() => void)[] = [];
  private partial: Omit<RoomSnapshot, 'timeline' | 'held' | 'pending' | 'lastSeq'> = {
    joined: false,
    joinError: null,
    outOfGroup: false,
    hasOlder: false,
    loadingOlder: false,
    online: [],
    typing: [],
    state: null,
    lines: [],
    notice: null,
    nextPostAt: 0,
  };
  private lastSeq = 0;
  private timeline: MessageDto[] = [];
  private timelineStale = false;
  private typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    readonly groupId: string,
    private readonly connection: ChatConnection,
    private readonly http: Http,
  ) {
    this.pending = this.loadOutbox();
    this.snapshotCache = this.build();
    const socket = connection.socket;
    const mine = <T extends { groupId?: string }>(handler: (event: T) => void) => {
      return (event: T) => {
        if (event.groupId === groupId) handler(event);
      };
    };
    const on = <E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]) => {
      socket.on(event, handler as never);
      this.detach.push(() => socket.off(event, handler as never));
    };
    const onJoin = () => void this.join();
    const onDrop = () => this.patch({ joined: false, typing: [] });
    socket.on('connect', onJoin);
    socket.on('disconnect', onDrop);
    this.detach.push(
      () => socket.off('connect', onJoin),
      () => socket.off('disconnect', onDrop),
    );
    on(
      'message:new',
      mine((message: MessageDto) => this.upsert([message])),
    );
    on(
      'message:updated',
      mine((message: MessageDto) => this.upsert([message])),
    );
    on(
      'message:deleted',
      mine((event) => {
        const known = this.messages.get(event.messageId);
        if (known) this.upsert([{ ...known, deleted: true, body: null }]);
      }),
    );
    on(
      'reaction:updated',
      mine((event) => {
        const known = this.messages.get(event.messageId);
        if (known) this.upsert([{ ...known, reactions: event.reactions }]);
      }),
    );
    on(
      'presence',
      mine((event) => this.patch({ online: event.online })),
    );
    on(
      'typing',
      mine((event) => this.typing(event)),
    );
    on(
      'notice',
      mine((notice) => {
        // A role change is no news to show in the room: the screen reloads what I may do, and the rule here.
        if (notice.kind === 'role.changed') return void this.refreshState();
        this.patch({ notice });
        if (notice.kind === 'membership.removed' || notice.kind === 'membership.banned') {
          return this.outOf({ code: 'FORBIDDEN', message: notice.message });
        }
        if (notice.kind.startsWith('moderation.') || notice.kind === 'consent.required')
          void this.refreshState();
        if (notice.kind === 'moderation.held_approved' || notice.kind === 'moderation.held_rejected')
          void this.join();
      }),
    );
    on(
      'moderation:event',
      mine((event) => {
        this.patch({
          lines: [
            ...this.partial.lines,
            { id: `${Date.now()}-${Math.random()}`, text: event.text, kind: event.kind, mode: event.mode },
          ].slice(-5),
        });
        if (event.kind === 'mode.changed' || event.kind.startsWith('member.')) void this.refreshState();
      }),
    );
    void this.refreshState();
    if (socket.connected) void this.join();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): RoomSnapshot => this.snapshotCache;

  close(): void {
    this.closed = true;
    clearTimeout(this.rejoinTimer);
    for (const off of this.detach) off();
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    if (this.connection.socket.connected)
      this.connection.socket.emit('group:leave', { groupId: this.groupId }, () => undefined);
    this.listeners.clear();
  }

  /** Joins (or rejoins after a drop) and takes every message after the last one I have. */
  async join(): Promise<void> {
    const sinceSeq = this.lastSeq > 0 ? this.lastSeq : undefined;
    const ack = await this.connection.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('group:join', { groupId: this.groupId, sinceSeq })
      .catch(() => null);
    if (!ack) return;
    if (!ack.ok) {
      // Too many joins for now: try again when the server says, so the room and its outbox come back by themselves.
      if (ack.error.code === 'RATE_LIMITED' && !this.closed) {
        const retryAfterMs = Number(ack.error.details?.retryAfterMs ?? 5000);
        clearTimeout(this.rejoinTimer);
        this.rejoinTimer = setTimeout(() => void this.join(), Math.min(retryAfterMs, 60_000) + 100);
      }
      this.patch({ joined: false, joinError: ack.error });
      if (ack.error.code === 'FORBIDDEN') this.outOf(ack.error);
      return;
    }
    this.held = new Map(ack.held.map((m: MessageDto) => [m.id, m]));
    this.upsert(ack.missed);
    if (sinceSeq !== undefined) void this.recheckLatest();
    if (sinceSeq === undefined) this.partial.hasOlder = ack.missed.length > 0 && (ack.missed[0].seq ?? 0) > 1;
    this.patch({ joined: true, joinError: null, outOfGroup: false, online: ack.online });
    // A mute lifted, a mode changed or a role given while the socket was away came as events nobody heard: read
    // the room's rule again now that its events reach me (after a reload the first read may predate them).
    void this.refreshState();
    let more = ack.hasMore;
    while (more) {
      const page = await this.http.get<MessageDto[]>(
        `/groups/${this.groupId}/messages?after=${this.lastSeq}&limit=100`,
      );
      this.upsert(page);
      more = page.length === 100;
    }
    this.flush();
  }

  /**
   * A rejoin's catch-up brings the messages that came after the last one I had, not the ones I had that changed
   * while I was away (edited, deleted, removed by a facilitator with her reason for me): the latest are read again.
   */
  private async recheckLatest(): Promise<void> {
    const page = await this.http
      .get<MessageDto[]>(`/groups/${this.groupId}/messages?limit=${RECHECKED_ON_REJOIN}`)
      .catch(() => null);
    if (page && !this.closed) this.upsert(page);
  }

  async loadOlder(): Promise<void> {
    const first = this.snapshotCache.timeline[0];
    if (!first?.seq || this.partial.loadingOlder) return;
    this.patch({ loadingOlder: true });
    try {
      const page = await this.http.get<MessageDto[]>(
        `/groups/${this.groupId}/messages?before=${first.seq}&limit=50`,
      );
      this.partial.hasOlder = page.length === 50 && (page[0]?.seq ?? 0) > 1;
      this.upsert(page);
    } finally {
      this.patch({ loadingOlder: false });
    }
  }

  send(body: string, replyToId: string | null): void {
    this.pending = [
      ...this.pending,
      {
        clientId: crypto.randomUUID(),
        body,
        replyToId,
        createdAt: new Date().toISOString(),
        state: 'queued',
      },
    ];
    this.changed();
    this.flush();
  }

  /** Sends a message that was not sent again; never while out of the group (see `outOf`). */
  retry(clientId: string): void {
    if (this.partial.outOfGroup) return;
    this.pending = this.pending.map((p) =>
      p.clientId === clientId ? { ...p, state: 'queued', error: undefined } : p,
    );
    this.changed();
    this.flush();
  }

  discard(clientId: string): void {
    this.pending = this.pending.filter((p) => p.clientId !== clientId);
    this.changed();
  }

  async edit(messageId: string, body: string): Promise<AckError | null> {
    const ack = await this.connection.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('message:edit', { messageId, body });
    if (!ack.ok) return ack.error;
    this.upsert([ack.message]);
    return null;
  }

  async remove(messageId: string): Promise<AckError | null> {
    const ack = await this.connection.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('message:delete', { messageId });
    if (!ack.ok) return ack.error;
    this.upsert([ack.message]);
    return null;
  }

  async react(messageId: string, emoji: ReactionEmoji, add: boolean): Promise<AckError | null> {
    const ack = await this.connection.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(add ? 'reaction:add' : 'reaction:remove', { messageId, emoji });
    if (!ack.ok) return ack.error;
    const known = this.messages.get(messageId);
    if (known) this.upsert([{ ...known, reactions: ack.reactions }]);
    return null;
  }

  setTyping(isTyping: boolean): void {
    if (this.connection.socket.connected)
      this.connection.socket.emit('typing', { groupId: this.groupId, isTyping });
  }

  markRead(): void {
    if (this.lastSeq > 0 && this.connection.socket.connected) {
      this.connection.socket.emit('read', { groupId: this.groupId, seq: this.lastSeq }, (ack) => {
        if (ack.ok) this.connection.noteRead();
      });
    }
  }

  dismissNotice(): void {
    this.patch({ notice: null });
  }

  async refreshState(): Promise<void> {
    try {
      const state = await this.http.get<RoomStateDto>(`/groups/${this.groupId}/moderation/mode`);
      // Leaving slow mode ends any wait it imposed.
      this.patch(state.mode === 'slow' ? { state } : { state, nextPostAt: 0 });
    } catch {
      // The room shows what it last knew; sending still reports the exact reason if refused.
    }
  }

  /** Sends every queued message, oldest first, one at a time so that they keep their order. */
  private flushing = false;
  private async flush(): Promise<void> {
    if (this.flushing || !this.partial.joined) return;
    this.flushing = true;
    try {
      for (let next = this.nextQueued(); next && this.partial.joined; next = this.nextQueued()) {
        this.setPending(next.clientId, { state: 'sending' });
        const ack = await this.connection.socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('message:send', {
            groupId: this.groupId,
            clientId: next.clientId,
            body: next.body,
            ...(next.replyToId ? { replyToId: next.replyToId } : {}),
          })
          .catch(() => null);
        if (!ack) {
          // No answer (the connection dropped): it stays queued and goes again after the rejoin.
          this.setPending(next.clientId, { state: 'queued' });
          break;
        }
        if (ack.ok) {
          this.pending = this.pending.filter((p) => p.clientId !== next.clientId);
          if (ack.message.status === 'held') this.held.set(ack.message.id, ack.message);
          this.upsert([ack.message]);
          if (this.partial.state?.mode === 'slow' && this.partial.state.slowSeconds) {
            this.patch({ nextPostAt: Date.now() + this.partial.state.slowSeconds * 1000 });
          }
        } else if (ack.error.code === 'SLOW_MODE') {
          // Slow mode: it waits its turn and goes by itself.
          const wait = Number((ack.error.details as { waitSeconds?: number } | undefined)?.waitSeconds) || 5;
          this.setPending(next.clientId, { state: 'queued' });
          this.patch({ nextPostAt: Date.now() + wait * 1000 });
          setTimeout(() => void this.flush(), wait * 1000 + 100);
          break;
        } else {
          this.setPending(next.clientId, { state: 'failed', error: ack.error });
          if (REFRESH_STATE_ON.has(ack.error.code)) void this.refreshState();
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * No longer in the group: what waits in the outbox is never sent by itself, not even if I am let back in (what
   * I wrote then may not be what I would say now). It stays, marked not sent, to copy, send again or discard.
   */
  private outOf(error: AckError): void {
    this.pending = this.pending.map((p) => (p.state === 'failed' ? p : { ...p, state: 'failed', error }));
    this.patch({ joined: false, outOfGroup: true });
  }

  private nextQueued(): PendingMessage | undefined {
    return this.pending.find((p) => p.state === 'queued');
  }

  private setPending(clientId: string, change: Partial<PendingMessage>): void {
    this.pending = this.pending.map((p) => (p.clientId === clientId ? { ...p, ...change } : p));
    this.changed();
  }

  private upsert(messages: MessageDto[]): void {
    for (const message of messages) {
      if (message.groupId !== this.groupId) continue;
      if (message.status === 'held') {
        this.held.set(message.id, message);
        continue;
      }
      this.held.delete(message.id);
      if (message.seq !== null) {
        this.messages.set(message.id, message);
        this.timelineStale = true;
        if (message.seq > this.lastSeq) this.lastSeq = message.seq;
      }
      if (message.clientId) this.pending = this.pending.filter((p) => p.clientId !== message.clientId);
    }
    this.changed();
  }

  private typing(event: TypingEvent): void {
    const others = this.partial.typing.filter((t) => t.membershipId !== event.membershipId);
    clearTimeout(this.typingTimers.get(event.membershipId));
    if (event.isTyping) {
      this.typingTimers.set(
        event.membershipId,
        setTimeout(() => this.typing({ ...event, isTyping: false }), 6000),
      );
    }
    this.patch({ typing: event.isTyping ? [...others, event] : others });
  }

  private patch(change: Partial<typeof this.partial>): void {
    this.partial = { ...this.partial, ...change };
    this.changed();
  }

  private changed(): void {
    this.saveOutbox();
    this.snapshotCache = this.build();
    for (const listener of this.listeners) listener();
  }

  private build(): RoomSnapshot {
    // Sorted again only when messages changed, not on every typing or presence event.
    if (this.timelineStale) {
      this.timeline = [...this.messages.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      this.timelineStale = false;
    }
    return {
      ...this.partial,
      timeline: this.timeline,
      held: [...this.held.values()],
      pending: this.pending,
      lastSeq: this.lastSeq,
    };
  }

  private get outboxKey(): string {
    return `hearth.outbox.${this.groupId}`;
  }

  private loadOutbox(): PendingMessage[] {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.outboxKey) ?? '[]') as PendingMessage[];
      return saved.map((p) => (p.state === 'sending' ? { ...p, state: 'queued' } : p));
    } catch {
      return [];
    }
  }

  private saveOutbox(): void {
    if (this.pending.length) sessionStorage.setItem(this.outboxKey, JSON.stringify(this.pending));
    else sessionStorage.removeItem(this.outboxKey);
  }
}
