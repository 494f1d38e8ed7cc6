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
  for (const client of [pub, sub]) reportOutages(client, logger);
  await Promise.all([connectOrFail(pub, url), connectOrFail(sub, url)]);
  return {
    pub,
    sub,
    close: () => closeRedis(sub, pub),
  };
}

/** While Redis stays unreachable, one line per this many ms at most, per connection. */
export const OUTAGE_REPORT_INTERVAL_MS = 30_000;

/**
 * Logs a connection's trouble without flooding the log: the first error at once, then one line per
 * OUTAGE_REPORT_INTERVAL_MS that counts the failed attempts meanwhile, and one line when it is back. The client
 * retries by itself; an outage never crashes the process. Only the error's message is logged, never the URL (it
 * may carry a password).
 */
export function reportOutages(client: RedisClient, logger: LoggerService): void {
  let failures = 0;
  let reportedAt = 0;
  client.on('error', (error: Error) => {
    failures += 1;
    const now = Date.now();
    if (failures === 1 || now - reportedAt >= OUTAGE_REPORT_INTERVAL_MS) {
      logger.warn({ err: { message: error.message }, failures }, 'Redis unreachable; retrying');
      reportedAt = now;
    }
  });
  client.on('ready', () => {
    if (failures > 0) logger.log({ failures }, 'Redis connection restored');
    failures = 0;
    reportedAt = 0;
  });
}

/** How long closing may wait for Redis before the connections are dropped. */
export const REDIS_CLOSE_TIMEOUT_MS = 2_000;

/**
 * Closes connections gracefully when Redis answers, and drops them at once when it does not (or does not answer
 * in time): a node being stopped must never wait on an outage.
 */
export async function closeRedis(...clients: RedisClient[]): Promise<void> {
  await Promise.allSettled(
    clients.map(async (client) => {
      if (!client.isOpen) return;
      if (!client.isReady) {
        client.destroy();
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((done) => {
        timer = setTimeout(() => done('late'), REDIS_CLOSE_TIMEOUT_MS);
      });
      const outcome = await Promise.race([client.close().then(() => 'closed' as const), late]).catch(
        () => 'late' as const,
      );
      clearTimeout(timer);
      if (outcome === 'late' && client.isOpen) client.destroy();
    }),
  );
}

/** Whether Redis answers a PING through this connection within a second. */
export async function redisAnswers(client: RedisClient): Promise<boolean> {
  if (!client.isReady) return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), 1_000);
  });
  try {
    return await Promise.race([client.ping().then((pong) => pong === 'PONG'), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
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
