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
  await Promise.all([connectOrFail(pub, url), connectOrFail(sub, url)]);
  return {
    pub,
    sub,
    close: async () => {
      await Promise.allSettled([sub.close(), pub.close()]);
    },
  };
}

/** How long a node waits for Redis when it starts, before it gives up. */
export const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Connects, or fails with a clear message if Redis does not answer in time: without this the client would retry
 * for ever and the node would hang at start, saying nothing. The message names the host, never the URL (it may
 * carry a password).
 */
export async function connectOrFail(client: RedisClient, url: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const { hostname, port } = new URL(url);
      reject(
        new Error(
          `Redis at ${hostname}:${port || 6379} did not answer within ${REDIS_CONNECT_TIMEOUT_MS / 1000} s (REDIS_URL)`,
        ),
      );
    }, REDIS_CONNECT_TIMEOUT_MS);
  });
  try {
    await Promise.race([client.connect(), timeout]);
  } catch (error) {
    client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
