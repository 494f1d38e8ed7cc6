import { Injectable } from '@nestjs/common';

import { ADMINS_ROOM, groupRoom, SocketDirectory, staffRoom, userRoom } from '@hearth/chat';
import type { ServerToClientEvents } from '@hearth/contracts';

type Event = keyof ServerToClientEvents;
type Payload<E extends Event> = Parameters<ServerToClientEvents[E]>[0];

/** Sends moderation and safety events to the right sockets: a person, a room, its facilitators, the admins. */
@Injectable()
export class SafetyNotifier {
  constructor(private readonly directory: SocketDirectory) {}

  toUser<E extends Event>(userId: string, event: E, payload: Payload<E>): void {
    this.emit(userRoom(userId), event, payload);
  }

  toRoom<E extends Event>(groupId: string, event: E, payload: Payload<E>): void {
    this.emit(groupRoom(groupId), event, payload);
  }

  toFacilitators<E extends Event>(groupId: string, event: E, payload: Payload<E>): void {
    this.emit(staffRoom(groupId), event, payload);
  }

  toAdmins<E extends Event>(event: E, payload: Payload<E>): void {
    this.emit(ADMINS_ROOM, event, payload);
  }

  private emit<E extends Event>(room: string, event: E, payload: Payload<E>): void {
    (this.directory.server.to(room).emit as (event: string, payload: unknown) => boolean)(event, payload);
  }
}
