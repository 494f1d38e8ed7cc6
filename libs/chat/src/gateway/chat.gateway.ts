import { Logger, UseFilters, UseGuards, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';

import { coded, type HearthConfig } from '@hearth/core';
import {
  CHAT_NAMESPACE,
  CLIENT_EVENTS,
  type Ack,
  type GroupJoinAck,
  type MessageAck,
  type ReactionDto as ReactionSummary,
} from '@hearth/contracts';

import { ChatError } from '../chat-error.js';
import { MessagesService } from '../messages/messages.service.js';
import type { Speaker } from '../messages/speaker.js';
import { RealtimePublisher } from '../realtime/realtime-publisher.js';
import { SocketDirectory } from '../realtime/socket-directory.js';
import type { ChatNamespace, ChatSocket } from '../realtime/socket-types.js';
import { assertMayPost, speakerIn } from '../rooms/room-membership.js';
import { CatchUpAllowance } from '../rooms/catch-up-allowance.js';
import { RoomsService } from '../rooms/rooms.service.js';
import { connectRefusal } from './anonymous-handshakes.js';
import {
  AuthRefreshDto,
  GroupJoinDto,
  GroupRefDto,
  MessageEditDto,
  MessageRefDto,
  MessageSendDto,
  ReactionDto,
  ReadDto,
  TypingDto,
} from './dto/chat.dto.js';
import { PerPersonQueue } from './per-person-queue.js';
import { SocketBudget, SocketBudgetGuard } from './socket-budget.guard.js';
import { CoolOff } from './cool-off.js';
import { SocketSessions } from './socket-sessions.js';
import { SocketStanding } from './socket-standing.js';
import { WsAckFilter } from './ws-ack.filter.js';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(CLIENT_EVENTS);
const TYPING_INTERVAL_MS = 1000;

/**
 * The chat's socket.io surface: it authenticates the handshake and translates events into service calls and
 * acks. The rules live in the services; what others hear goes out through the RealtimePublisher.
 */
@UseFilters(new WsAckFilter())
@UseGuards(SocketBudgetGuard)
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(ChatGateway.name);
  private readonly catchUps = new PerPersonQueue();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly sessions: SocketSessions,
    private readonly standing: SocketStanding,
    private readonly directory: SocketDirectory,
    private readonly realtime: RealtimePublisher,
    private readonly rooms: RoomsService,
    private readonly catchUpAllowance: CatchUpAllowance,
    private readonly messages: MessagesService,
    private readonly coolOff: CoolOff,
    private readonly config: ConfigService<HearthConfig, true>,
  ) {}

  afterInit(namespace: ChatNamespace): void {
    this.directory.attach(namespace);
    namespace.use((socket, next) => {
      this.admit(socket as ChatSocket).then(
        () => next(),
        (error: Error) => next(error),
      );
    });
    const { sessionSweepMs } = this.config.get('chat', { infer: true });
    this.sweeper = setInterval(() => void this.sweepExpired(), sessionSweepMs);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /**
   * Runs before a connection is accepted: origin, access token, live session, connection limit. A connect that
   * does not authenticate spends one of its address's anonymous handshakes (see AnonymousHandshakes).
   */
  private async admit(socket: ChatSocket): Promise<void> {
    const { origin, host } = socket.handshake.headers;
    if (
      origin &&
      !isSameOrigin(origin, host) &&
      !this.config.get('http', { infer: true }).corsOrigins.includes(origin)
    ) {
      throw await this.sessions.anonymous.refusal(socket, 'FORBIDDEN_ORIGIN', 'This origin may not connect');
    }
    const identity = await this.sessions.verify(
      (socket.handshake.auth as { token?: unknown } | undefined)?.token,
    );
    if (!identity) {
      throw await this.sessions.anonymous.refusal(socket, 'UNAUTHORIZED', 'A valid access token is required');
    }
    await this.sessions.anonymous.authenticated(socket);
    const coolingMs = await this.coolOff.remainingMs(identity.userId);
    if (coolingMs > 0) {
      throw connectRefusal(
        'RATE_LIMITED',
        `A connection of this account sent too many requests; try again in ${Math.ceil(coolingMs / 1000)} s`,
      );
    }
    const { maxConnectionsPerUser } = this.config.get('chat', { infer: true });
    if ((await this.directory.countSocketsOfUser(identity.userId)) >= maxConnectionsPerUser) {
      throw connectRefusal('TOO_MANY_CONNECTIONS', `At most ${maxConnectionsPerUser} connections per person`);
    }
    socket.data = { ...identity, rooms: {}, lastTypingAt: {} };
  }

  async handleConnection(socket: ChatSocket): Promise<void> {
    // Events nobody handles still get an answer, so a client never waits on an ack that cannot come.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      const ack = args.at(-1);
      if (typeof ack === 'function')
        ack({ ok: false, error: { code: 'NOT_FOUND', message: 'Unknown event' } });
    });
    // Its person's room, the admins' room and its staff rooms, read after it can hear changes (SocketStanding).
    await this.standing.connected(socket);
  }

  async handleDisconnect(socket: ChatSocket): Promise<void> {
    for (const groupId of Object.keys(socket.data.rooms ?? {})) {
      await this.realtime.presence(groupId);
    }
  }

  @SubscribeMessage('group:join')
  @SocketBudget('rooms')
  async join(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: GroupJoinDto,
  ): Promise<Ack<GroupJoinAck>> {
    // One catch-up at a time per person: many connections of one account cannot read and encode hundreds of
    // messages each at the same moment and stall everyone else (the budget bounds how many, this how many at once).
    return this.catchUps.run(socket.data.userId, () => this.enter(socket, dto));
  }

  private async enter(socket: ChatSocket, dto: GroupJoinDto): Promise<Ack<GroupJoinAck>> {
    this.assertSession(socket);
    const allowance = await this.catchUpAllowance.left(socket.data.userId);
    // In the room before reading what was missed: a message committed in between arrives live (and perhaps in
    // `missed` too; clients drop duplicates by id) rather than falling between the two.
    const membership = await this.standing.joinGroup(socket, dto.groupId);
    const staff = membership.role === 'facilitator' || socket.data.role === 'admin';
    let catchUp: Awaited<ReturnType<RoomsService['catchUp']>>;
    try {
      catchUp = await this.rooms.catchUp(
        dto.groupId,
        { userId: socket.data.userId, staff },
        dto.sinceSeq,
        allowance,
      );
    } catch (error) {
      await this.standing.closeGroup(socket, dto.groupId);
      throw error;
    }
    await this.catchUpAllowance.spend(socket.data.userId, catchUp.missed.length);
    await this.realtime.presence(dto.groupId);
    return { ok: true, ...catchUp, online: await this.directory.online(dto.groupId) };
  }

  @SubscribeMessage('group:leave')
  @SocketBudget('rooms')
  async leave(@ConnectedSocket() socket: ChatSocket, @MessageBody() dto: GroupRefDto): Promise<Ack> {
    this.assertSession(socket);
    await this.standing.closeGroup(socket, dto.groupId);
    await this.realtime.presence(dto.groupId);
    return { ok: true };
  }

  @SubscribeMessage('message:send')
  async send(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: MessageSendDto,
  ): Promise<Ack<MessageAck>> {
    const { message } = await this.messages.send(this.poster(socket, dto.groupId), dto, socket.id);
    return { ok: true, message };
  }

  @SubscribeMessage('message:edit')
  async edit(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: MessageEditDto,
  ): Promise<Ack<MessageAck>> {
    const speaker = this.poster(socket, await this.messages.groupOf(dto.messageId));
    const message = await this.messages.edit(speaker, dto.messageId, dto.body, socket.id);
    return { ok: true, message };
  }

  @SubscribeMessage('message:delete')
  @SocketBudget('deleting')
  async delete(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: MessageRefDto,
  ): Promise<Ack<MessageAck>> {
    const speaker = this.member(socket, await this.messages.groupOf(dto.messageId));
    const message = await this.messages.delete(speaker, dto.messageId, { origin: socket.id });
    return { ok: true, message };
  }

  @SubscribeMessage('reaction:add')
  @SocketBudget('reactions')
  addReaction(@ConnectedSocket() socket: ChatSocket, @MessageBody() dto: ReactionDto) {
    return this.react(socket, dto, true);
  }

  @SubscribeMessage('reaction:remove')
  @SocketBudget('reactions')
  removeReaction(@ConnectedSocket() socket: ChatSocket, @MessageBody() dto: ReactionDto) {
    return this.react(socket, dto, false);
  }

  @SubscribeMessage('typing')
  @SocketBudget('typing')
  async typing(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: TypingDto,
  ): Promise<Ack<{ throttled: boolean }>> {
    const speaker = this.poster(socket, dto.groupId);
    if (dto.isTyping) await this.messages.assertMayInteract(speaker);
    const now = Date.now();
    const last = socket.data.lastTypingAt[dto.groupId] ?? 0;
    // Starting to type is throttled; stopping always goes through.
    if (dto.isTyping && now - last < TYPING_INTERVAL_MS) return { ok: true, throttled: true };
    socket.data.lastTypingAt[dto.groupId] = dto.isTyping ? now : 0;
    this.realtime.toGroupExcept(dto.groupId, socket.id, 'typing', {
      groupId: dto.groupId,
      membershipId: speaker.membershipId,
      pseudonym: speaker.pseudonym,
      isTyping: dto.isTyping,
    });
    return { ok: true, throttled: false };
  }

  @SubscribeMessage('read')
  @SocketBudget('reading')
  async read(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: ReadDto,
  ): Promise<Ack<{ seq: number }>> {
    this.member(socket, dto.groupId);
    return { ok: true, seq: await this.rooms.markRead(socket.data.userId, dto.groupId, dto.seq) };
  }

  @SubscribeMessage('auth:refresh')
  @SocketBudget('tokens')
  async refresh(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: AuthRefreshDto,
  ): Promise<Ack<{ expiresAt: string }>> {
    const identity = await this.sessions.verify(dto.token);
    if (!identity || identity.userId !== socket.data.userId) {
      throw new ChatError('UNAUTHORIZED', 'That access token is not valid for this connection');
    }
    Object.assign(socket.data, { sessionId: identity.sessionId, tokenExpiresAt: identity.tokenExpiresAt });
    // The role is applied in the socket's turn, read afresh: a role change handled meanwhile must not be undone by
    // the role this token was checked with.
    await this.standing.recheck(socket);
    return { ok: true, expiresAt: new Date(identity.tokenExpiresAt).toISOString() };
  }

  private async react(
    socket: ChatSocket,
    dto: ReactionDto,
    add: boolean,
  ): Promise<Ack<{ reactions: ReactionSummary[] }>> {
    const speaker = this.poster(socket, await this.messages.groupOf(dto.messageId));
    const reactions = await this.messages.react(speaker, dto.messageId, dto.emoji, add);
    this.realtime.toGroupExcept(speaker.groupId, socket.id, 'reaction:updated', {
      groupId: speaker.groupId,
      messageId: dto.messageId,
      reactions,
    });
    return { ok: true, reactions };
  }

  /** The socket's membership in a group it has joined, with a live session. */
  private member(socket: ChatSocket, groupId: string): Speaker {
    this.assertSession(socket);
    const room = socket.data.rooms[groupId];
    if (!room) throw new ChatError('FORBIDDEN', coded('JOIN_ROOM_FIRST', 'Join the group first'));
    return speakerIn(room, socket.data.userId);
  }

  /** As `member`, and also allowed to post right now (the posting rule, on what the socket knows). */
  private poster(socket: ChatSocket, groupId: string): Speaker {
    const speaker = this.member(socket, groupId);
    assertMayPost(socket.data.rooms[groupId]);
    return speaker;
  }

  private assertSession(socket: ChatSocket): void {
    if (this.sessions.isExpired(socket.data.tokenExpiresAt)) {
      this.expire(socket);
      throw new ChatError('UNAUTHORIZED', coded('SIGN_IN_AGAIN', 'Your session expired; sign in again'));
    }
  }

  private expire(socket: ChatSocket): void {
    this.realtime.toSocket(socket, 'notice', {
      kind: 'auth.expired',
      message: 'Your session expired; sign in again',
    });
    setImmediate(() => socket.disconnect(true));
  }

  private async sweepExpired(): Promise<void> {
    for (const socket of this.directory.localSockets()) {
      if (socket.data.tokenExpiresAt && this.sessions.isExpired(socket.data.tokenExpiresAt)) {
        this.logger.debug(
          { userId: socket.data.userId },
          'Disconnecting a socket whose access token expired',
        );
        this.expire(socket);
      }
    }
  }
}

/** The web client served by this API connects from its own origin, whatever host name the instance has. */
function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
