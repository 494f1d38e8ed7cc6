import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

import type { HearthConfig } from '@hearth/core';

/** Chat frames are small and many: no per-message compression, and nothing over 64 KiB is accepted. */
export const MAX_FRAME_BYTES = 64 * 1024;

type RedisClient = ReturnType<typeof createClient>;

/**
 * socket.io for the chat. With REDIS_URL, rooms span every node through the socket.io Redis adapter (one
 * publishing and one subscribing connection per node), so a message sent on one node reaches sockets on all.
 */
export class ChatIoAdapter extends IoAdapter {
  private redis: { pub: RedisClient; sub: RedisClient } | null = null;
  private readonly redisLogger = new Logger('ChatIoAdapter');

  constructor(
    app: INestApplicationContext,
    private readonly config: HearthConfig,
  ) {
    super(app);
  }

  /** Connects to Redis when configured; call before the application listens. */
  async connect(): Promise<void> {
    if (!this.config.redisUrl) return;
    const pub = createClient({ url: this.config.redisUrl });
    const sub = pub.duplicate();
    // Connection errors are retried by the client; they must not crash the process.
    for (const client of [pub, sub])
      client.on('error', (error: Error) =>
        this.redisLogger.warn({ err: { message: error.message } }, 'Redis'),
      );
    await Promise.all([pub.connect(), sub.connect()]);
    this.redis = { pub, sub };
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      perMessageDeflate: false,
      httpCompression: false,
      maxHttpBufferSize: MAX_FRAME_BYTES,
      cors: { origin: this.config.http.corsOrigins, credentials: true },
      serveClient: false,
    } as ServerOptions);
    if (this.redis) server.adapter(createAdapter(this.redis.pub, this.redis.sub));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    if (this.redis) {
      const { pub, sub } = this.redis;
      this.redis = null;
      await Promise.allSettled([pub.quit(), sub.quit()]);
    }
  }
}
