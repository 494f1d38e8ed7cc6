import type { LoggerService } from '@nestjs/common';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

/** A publishing and a subscribing connection to Redis (a subscriber cannot publish). */
export interface RedisPair {
  pub: RedisClient;
  sub: RedisClient;
  close(): Promise<void>;
}

/**
 * Connects both. Connection errors are retried by the client and logged; they never crash the process. The
 * message of an error is logged, never the URL (it may carry a password).
 */
export async function connectRedisPair(
  url: string,
  logger: LoggerService,
  name?: string,
): Promise<RedisPair> {
  // The name shows in CLIENT LIST, so an operator can tell Hearth's connections apart.
  const pub = createClient({ url, name });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) {
    client.on('error', (error: Error) => logger.warn({ err: { message: error.message } }, 'Redis'));
  }
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    pub,
    sub,
    close: async () => {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
