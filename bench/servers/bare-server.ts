import { createServer } from 'node:http';

import { Server } from 'socket.io';

import type { ClientToServerEvents, MessageDto, ServerToClientEvents } from '@hearth/contracts';

/**
 * The transport limit: a bare socket.io server answering the chat's events with no authentication, validation,
 * moderation or storage. Joining puts the socket in the group's room; a message is numbered, acked and
 * broadcast to the room's other sockets, as Hearth does.
 */
const port = Number(process.env.PORT ?? 0);
const http = createServer();
const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { transports: ['websocket'] });
const seqs = new Map<string, number>();
const chat = io.of('/chat');

chat.on('connection', (socket) => {
  socket.on('group:join', (payload, ack) => {
    void socket.join(payload.groupId);
    ack({
      ok: true,
      lastSeq: seqs.get(payload.groupId) ?? 0,
      missed: [],
      held: [],
      hasMore: false,
      online: [],
    });
  });
  socket.on('message:send', (payload, ack) => {
    const seq = (seqs.get(payload.groupId) ?? 0) + 1;
    seqs.set(payload.groupId, seq);
    const message = {
      id: payload.clientId,
      groupId: payload.groupId,
      seq,
      body: payload.body,
      createdAt: new Date().toISOString(),
    } as MessageDto;
    socket.to(payload.groupId).emit('message:new', message);
    ack({ ok: true, message });
  });
});

http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  process.send?.({ type: 'listening', port: typeof address === 'object' && address ? address.port : port });
});
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
