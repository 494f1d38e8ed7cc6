import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import { isObservable, type Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';

import { CHAT_NAMESPACE } from '@hearth/contracts';
import { connectRedisPair, type HearthConfig, type RedisPair } from '@hearth/core';

import { connectRefusal } from './anonymous-handshakes.js';
import { CoalescedWrites } from './coalesced-writes.js';
import { SocketSessions } from './socket-sessions.js';

/** Chat frames are small and many: no per-message compression, and nothing over 64 KiB is accepted. */
export const MAX_FRAME_BYTES = 64 * 1024;

/** Sharded pub/sub (SPUBLISH/SSUBSCRIBE) came with Redis 7. */
export function supportsShardedPubSub(serverInfo: string): boolean {
  const major = Number(/redis_version:(\d+)/.exec(serverInfo)?.[1] ?? 0);
  return major >= 7;
}

/**
 * socket.io for the chat. With REDIS_URL, rooms span every node through the socket.io Redis adapter (one
 * publishing and one subscribing connection per node), so a message sent on one node reaches sockets on all.
 * On Redis 7 and later the sharded adapter is used: each room has its own channel, so a node only receives the
 * traffic of rooms it has sockets in, and a Redis cluster spreads the channels over its shards.
 */
export class ChatIoAdapter extends IoAdapter {
  private redis: RedisPair | null = null;
  private sharded = false;
  private readonly redisLogger = new Logger('ChatIoAdapter');

  constructor(
    private readonly app: INestApplicationContext,
    private readonly config: HearthConfig,
  ) {
    super(app);
  }

  /** Connects to Redis when configured; call before the application listens. */
  async connect(): Promise<void> {
    if (!this.config.redisUrl) return;
    this.redis = await connectRedisPair(
      this.config.redisUrl,
      this.redisLogger,
      `${this.config.redisPrefix}-socket.io`,
    );
    this.sharded = supportsShardedPubSub(await this.redis.pub.info('server'));
    this.redisLogger.log({ sharded: this.sharded }, 'socket.io Redis adapter');
  }

  /**
   * Only /chat is served: a connect to the root namespace is refused (any other name socket.io refuses itself).
   * A connection that has not authenticated on /chat within CHAT_CONNECT_TIMEOUT_MS is closed, and each address
   * has a budget of handshakes that do not authenticate (AnonymousHandshakes). The frames a connection gets in
   * one turn of the event loop leave in one write (CoalescedWrites).
   */
  override createIOServer(port: number, options?: ServerOptions): Server {
    const anonymous = this.app.get(SocketSessions).anonymous;
    const server: Server = super.createIOServer(port, {
      ...options,
      perMessageDeflate: false,
      httpCompression: false,
      maxHttpBufferSize: MAX_FRAME_BYTES,
      cors: { origin: this.config.http.corsOrigins, credentials: true },
      serveClient: false,
      connectTimeout: this.config.chat.connectTimeoutMs,
      allowRequest: (request, answer) => {
        anonymous.open(request).then(
          (allowed) => answer(allowed ? null : 'Too many connections from this address', allowed),
          (error: Error) => {
            this.logger.warn({ err: { message: error.message } }, 'Handshake budget unavailable');
            answer(null, true);
          },
        );
      },
    } as ServerOptions);
    new CoalescedWrites().attach(server.engine);
    server.of('/').use((socket, next) => {
      anonymous
        .refusal(socket, 'NOT_FOUND', `Only the ${CHAT_NAMESPACE} namespace is served`)
        .then(next, () =>
          next(connectRefusal('NOT_FOUND', `Only the ${CHAT_NAMESPACE} namespace is served`)),
        );
    });
    if (this.redis) {
      const channel = `${this.config.redisPrefix}:socket.io`;
      server.adapter(
        this.sharded
          ? createShardedAdapter(this.redis.pub, this.redis.sub, {
              channelPrefix: channel,
              subscriptionMode: 'dynamic',
            })
          : createAdapter(this.redis.pub, this.redis.sub, { key: channel }),
      );
    }
    return server;
  }

  /**
   * One plain listener per event and socket. Nest's default builds an RxJS pipeline per event for every socket
   * (fromEvent, mergeMap, takeUntil and their subscribers), which costs about as much memory per idle connection
   * as socket.io itself; and its `transform` wraps every answer in two more Observables, a quarter of the
   * gateway's allocations per message (docs/PERFORMANCE.md). Handlers run concurrently and a returned value, or
   * the value a returned promise settles to, is the ack (Hearth's handlers answer only through acks: what others
   * hear goes out through the RealtimePublisher). Only a handler that returns an Observable goes through Nest's
   * `transform`. An error that escapes the filters is logged, never thrown.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    const failed = (error: unknown) => this.logger.error(error);
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
        const reply = (response: unknown) => {
          if (response === null || response === undefined) return;
          if (isObservable(response)) {
            transform(response).subscribe({ next: reply, error: failed });
            return;
          }
          if (!isAckHandledManually && typeof ack === 'function') ack(response);
        };
        try {
          Promise.resolve(callback(data, ack)).then(reply, failed);
        } catch (error) {
          failed(error);
        }
      });
    }
  }

  override async close(server: Server): Promise<void> {
    const redis = this.redis;
    this.redis = null;
    // With Redis unreachable, the adapter's unsubscribes would wait for it for ever: drop the connections first.
    if (redis && !redis.sub.isReady) await redis.close();
    await super
      .close(server)
      .catch((error: Error) =>
        this.redisLogger.warn({ err: { message: error.message } }, 'socket.io closed without Redis'),
      );
    await redis?.close();
  }
}
