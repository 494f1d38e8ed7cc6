import { Injectable, Logger } from '@nestjs/common';

import type { ServerToClientEvents } from '@hearth/contracts';

import { SocketDirectory } from './socket-directory.js';
import { ADMINS_ROOM, groupRoom, staffRoom, userRoom, type ChatSocket } from './socket-types.js';

type ServerEvent = keyof ServerToClientEvents;
type Args<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>;

/**
 * The one way out to the sockets: nothing else in the server emits to socket.io. Services commit, then emit a
 * domain event or call one of these; with REDIS_URL the adapter carries a broadcast to every node. Events and
 * payloads are typed by the contract's server-to-client map.
 *
 * Before the gateway has started, or once shutdown has begun, there is nobody to tell and nothing is sent.
 */
@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger(RealtimePublisher.name);

  constructor(private readonly directory: SocketDirectory) {}

  /** Everyone in a group's conversation. */
  toGroup<E extends ServerEvent>(groupId: string, event: E, ...args: Args<E>): void {
    this.send(groupRoom(groupId), null, event, args);
  }

  /**
   * Everyone in a group's conversation except one connection (when given): the one the change came through,
   * which has its answer in the ack already (the author's other tabs do hear it).
   */
  toGroupExcept<E extends ServerEvent>(
    groupId: string,
    exceptSocketId: string | null,
    event: E,
    ...args: Args<E>
  ): void {
    this.send(groupRoom(groupId), exceptSocketId, event, args);
  }

  /** Everyone in a group's conversation but one person (on every connection of hers), who is told apart. */
  toGroupExceptPerson<E extends ServerEvent>(
    groupId: string,
    exceptUserId: string,
    event: E,
    ...args: Args<E>
  ): void {
    this.send(groupRoom(groupId), userRoom(exceptUserId), event, args);
  }

  /** Every connection of one person, on every node. */
  toPerson<E extends ServerEvent>(userId: string, event: E, ...args: Args<E>): void {
    this.send(userRoom(userId), null, event, args);
  }

  /** The active facilitators of a group, whether or not they have its conversation open. */
  toFacilitators<E extends ServerEvent>(groupId: string, event: E, ...args: Args<E>): void {
    this.send(staffRoom(groupId), null, event, args);
  }

  /**
   * The active facilitators of a group but one person (when given), on every connection of hers: a crisis alert
   * never reaches the facilitator it is about.
   */
  toFacilitatorsExceptPerson<E extends ServerEvent>(
    groupId: string,
    exceptUserId: string | null,
    event: E,
    ...args: Args<E>
  ): void {
    this.send(staffRoom(groupId), exceptUserId ? userRoom(exceptUserId) : null, event, args);
  }

  /**
   * How many connections of a group's active facilitators are open now, on every node: whether an alert sent to
   * them reached anyone. Best effort: a failure counts as nobody.
   */
  facilitatorsConnected(groupId: string): Promise<number> {
    return this.connectedIn(staffRoom(groupId));
  }

  /** How many connections a person has open now, on every node (best effort, like `facilitatorsConnected`). */
  personConnected(userId: string): Promise<number> {
    return this.connectedIn(userRoom(userId));
  }

  private async connectedIn(room: string): Promise<number> {
    if (!this.directory.attached) return 0;
    try {
      return (await this.directory.server.in(room).fetchSockets()).length;
    } catch (error) {
      this.logger.debug({ room, err: { message: (error as Error).message } }, 'Connections not counted');
      return 0;
    }
  }

  /** Every connected admin. */
  toAdmins<E extends ServerEvent>(event: E, ...args: Args<E>): void {
    this.send(ADMINS_ROOM, null, event, args);
  }

  /** Every connected admin but one person (when given): an escalated alert never reaches the admin it is about. */
  toAdminsExceptPerson<E extends ServerEvent>(exceptUserId: string | null, event: E, ...args: Args<E>): void {
    this.send(ADMINS_ROOM, exceptUserId ? userRoom(exceptUserId) : null, event, args);
  }

  /** One connection of this node (a notice about that connection itself: its session, its rooms). */
  toSocket<E extends ServerEvent>(socket: ChatSocket, event: E, ...args: Args<E>): void {
    socket.emit(event, ...args);
  }

  /** Who is online in a group, to everyone in it. Best effort: presence must never fail a join or a leave. */
  async presence(groupId: string): Promise<void> {
    if (!this.directory.attached) return;
    try {
      const online = await this.directory.online(groupId);
      this.toGroup(groupId, 'presence', { groupId, online });
    } catch (error) {
      this.logger.debug({ groupId, err: { message: (error as Error).message } }, 'Presence not announced');
    }
  }

  /** `except` is a socket id or a room (a person's, `userRoom`): socket.io reads both as rooms. */
  private send<E extends ServerEvent>(room: string, except: string | null, event: E, args: Args<E>): void {
    if (!this.directory.attached) return;
    const target = this.directory.server.to(room);
    (except ? target.except(except) : target).emit(event, ...args);
  }
}
