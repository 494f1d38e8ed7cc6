import type { Namespace, Socket } from 'socket.io';

import type { ClientToServerEvents, ServerToClientEvents } from '@hearth/contracts';
import type { Role } from '@hearth/identity';

import type { RoomMembership } from '../rooms/room-membership.js';

/** What the server keeps with each socket: who it is, until when, and the rooms it has joined. */
export interface SocketData {
  userId: string;
  sessionId: string;
  role: Role;
  /** Epoch ms at which the access token used to connect (or refresh) expires. */
  tokenExpiresAt: number;
  rooms: Record<string, RoomMembership>;
  lastTypingAt: Record<string, number>;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoServerSideEvents = {};

export type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoServerSideEvents, SocketData>;
export type ChatNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  NoServerSideEvents,
  SocketData
>;

export const groupRoom = (groupId: string) => `group:${groupId}`;
export const userRoom = (userId: string) => `user:${userId}`;
/** The sockets of a group's facilitators, whether or not they have joined its conversation. */
export const staffRoom = (groupId: string) => `staff:${groupId}`;
export const ADMINS_ROOM = 'admins';
