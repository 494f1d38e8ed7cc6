import { createClient } from 'redis';

const DEFAULT_URL = 'redis://127.0.0.1:6379';

/** The Redis URL for tests, or null when none answers (a failure where REQUIRE_SERVICES=1). */
export async function redisAvailable(): Promise<string | null> {
  const url = process.env.REDIS_URL_TEST ?? DEFAULT_URL;
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return url;
  } catch (error) {
    if (process.env.REQUIRE_SERVICES === '1') {
      throw new Error(`REQUIRE_SERVICES=1 but Redis at ${url} is unreachable: ${(error as Error).message}`);
    }
    console.warn(`Skipping cluster tests: no Redis at ${url}`);
    return null;
  } finally {
    await client.quit().catch(() => undefined);
  }
}
