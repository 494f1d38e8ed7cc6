import { randomUUID } from 'node:crypto';

import type { MessageDto } from '@hearth/contracts';

import type { ApiTarget, TestApp } from '../support/app.js';
import { connect, type ClientSocket } from '../support/sockets.js';
import type { TestUser } from '../support/users.js';

/** A connected socket that has joined the group's room. */
export async function inRoom(t: TestApp, user: TestUser, groupId: string): Promise<ClientSocket> {
  const socket = await connect(t, user);
  const ack = await socket.emitWithAck('group:join', { groupId });
  if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
  return socket;
}

export function say(socket: ClientSocket, groupId: string, body: string) {
  return socket.emitWithAck('message:send', { groupId, clientId: randomUUID(), body });
}

export async function said(socket: ClientSocket, groupId: string, body: string): Promise<MessageDto> {
  const ack = await say(socket, groupId, body);
  if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack)}`);
  return ack.message;
}

export const settle = (ms = 120) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Requests under `/api/groups/:id` as one user. `current` is read at each call, since each test has its own app
 * and group: `const api = groupApi(() => ({ t, groupId: group.id }));` then `api(facilitator).get('/audit')`.
 */
export function groupApi(current: () => { t: ApiTarget; groupId: string }) {
  return (user: TestUser) => {
    const request = () => current().t.request();
    const at = (path: string) => `/api/groups/${current().groupId}${path}`;
    return {
      post: (path: string, body: object = {}) =>
        request().post(at(path)).set('Authorization', user.auth).send(body),
      put: (path: string, body: object = {}) =>
        request().put(at(path)).set('Authorization', user.auth).send(body),
      get: (path: string) => request().get(at(path)).set('Authorization', user.auth),
      del: (path: string) => request().delete(at(path)).set('Authorization', user.auth),
    };
  };
}
