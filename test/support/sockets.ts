import { io, type Socket } from 'socket.io-client';

import type { ClientToServerEvents, ServerToClientEvents } from '@hearth/contracts';

import type { ApiTarget } from './app.js';
import type { TestUser } from './users.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectOptions {
  token?: string | null;
  origin?: string;
}

/** A real socket.io client on the /chat namespace, connected (or refused) before it is returned. */
export function connect(
  t: ApiTarget,
  user: TestUser | null,
  options: ConnectOptions = {},
): Promise<ClientSocket> {
  const token = options.token === undefined ? user?.tokens.accessToken : options.token;
  const socket: ClientSocket = io(`${t.url}/chat`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: token === null ? {} : { token },
    extraHeaders: options.origin ? { Origin: options.origin } : undefined,
    ackTimeout: 5000,
  });
  t.sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error & { data?: unknown }) => reject(error));
  });
}

/** The refusal a connection attempt gets, or null if it connected. */
export async function refusalOf(
  t: ApiTarget,
  user: TestUser | null,
  options: ConnectOptions = {},
): Promise<unknown> {
  try {
    const socket = await connect(t, user, options);
    socket.disconnect();
    return null;
  } catch (error) {
    return (error as { data?: unknown }).data;
  }
}

/** Collects the events of one kind a socket receives. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => seen.push(payload)) as never);
  return seen;
}

/** Waits until a condition holds, polling briefly (for events that arrive asynchronously). */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what = 'condition',
  timeoutMs = 3000,
): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits for the socket to be disconnected by the server. */
export function disconnected(socket: ClientSocket, timeoutMs = 3000): Promise<string> {
  if (!socket.connected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket was not disconnected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
