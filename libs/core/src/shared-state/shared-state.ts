import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { createClient } from 'redis';

import {
  closeRedis,
  connectOrFail,
  redisAnswers,
  reportOutages,
  type RedisClient,
} from '../redis/redis-pair.js';

export type LimiterOptions = Required<Pick<IRateLimiterOptions, 'keyPrefix' | 'points' | 'duration'>>;

/**
 * Small pieces of state that every node must see alike: rate-limit budgets, when someone last posted, what
 * they posted recently (as keyed digests, never text). In memory on a single node; in Redis with REDIS_URL.
 * Entries expire on their own, so nothing here needs cleaning up.
 */
export abstract class SharedState implements OnApplicationShutdown {
  /** A rate limiter whose budget is shared by every node. */
  abstract rateLimiter(options: LimiterOptions): RateLimiterAbstract;
  abstract getNumber(key: string): Promise<number | null>;
  abstract setNumber(key: string, value: number, ttlMs: number): Promise<void>;
  /** Appends to a short list, keeping only the last `keep` entries; the list expires `ttlMs` after the last append. */
  abstract append(key: string, entry: string, keep: number, ttlMs: number): Promise<void>;
  abstract list(key: string): Promise<string[]>;
  /** Whether the shared store answers: null when there is none to ask (a single node keeps it in memory). */
  abstract storeStatus(): Promise<'up' | 'down' | null>;
  abstract onApplicationShutdown(): Promise<void>;

  /** Redis when a URL is given, memory otherwise. */
  static async create(redisUrl: string | null, prefix: string): Promise<SharedState> {
    return redisUrl ? RedisSharedState.connect(redisUrl, prefix) : new MemorySharedState();
  }
}

interface Entry {
  value: number | string[];
  expiresAt: number;
}

export class MemorySharedState extends SharedState {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000).unref();

  rateLimiter(options: LimiterOptions): RateLimiterAbstract {
    return new RateLimiterMemory(options);
  }

  async getNumber(key: string): Promise<number | null> {
    const value = this.live(key)?.value;
    return typeof value === 'number' ? value : null;
  }

  async setNumber(key: string, value: number, ttlMs: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs });
  }

  async append(key: string, entry: string, keep: number, ttlMs: number): Promise<void> {
    const current = this.live(key)?.value;
    const list = Array.isArray(current) ? [...current, entry] : [entry];
    this.entries.set(key, { value: list.slice(-keep), expiresAt: Date.now() + ttlMs });
  }

  async list(key: string): Promise<string[]> {
    const value = this.live(key)?.value;
    return Array.isArray(value) ? value : [];
  }

  async storeStatus(): Promise<null> {
    return null;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

export class RedisSharedState extends SharedState {
  private static readonly logger = new Logger('SharedState');

  private constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {
    super();
  }

  static async connect(url: string, prefix: string): Promise<RedisSharedState> {
    // Commands fail at once while Redis is unreachable instead of queueing; callers fall back.
    const client = createClient({ url, disableOfflineQueue: true });
    reportOutages(client, RedisSharedState.logger);
    await connectOrFail(client, url);
    return new RedisSharedState(client, prefix);
  }

  /**
   * Budgets live in Redis. If Redis cannot be reached, each node falls back to its own budget in memory, so the
   * chat keeps working (a little more permissively) instead of refusing everyone.
   */
  rateLimiter(options: LimiterOptions): RateLimiterAbstract {
    return new RateLimiterRedis({
      ...options,
      keyPrefix: `${this.prefix}:rl:${options.keyPrefix}`,
      storeClient: this.client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }

  async getNumber(key: string): Promise<number | null> {
    const value = await this.client.get(this.key(key));
    return value === null ? null : Number(value);
  }

  async setNumber(key: string, value: number, ttlMs: number): Promise<void> {
    await this.client.set(this.key(key), String(value), { PX: ttlMs });
  }

  async append(key: string, entry: string, keep: number, ttlMs: number): Promise<void> {
    const full = this.key(key);
    await this.client.multi().rPush(full, entry).lTrim(full, -keep, -1).pExpire(full, ttlMs).exec();
  }

  async list(key: string): Promise<string[]> {
    return this.client.lRange(this.key(key), 0, -1);
  }

  async storeStatus(): Promise<'up' | 'down'> {
    return (await redisAnswers(this.client)) ? 'up' : 'down';
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.client);
  }

  private key(key: string): string {
    return `${this.prefix}:state:${key}`;
  }
}
