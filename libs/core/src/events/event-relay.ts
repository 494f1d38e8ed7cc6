import { randomUUID } from 'node:crypto';

import {
  applyDecorators,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';

import type { HearthConfig } from '../config/hearth-config.js';
import { connectRedisPair, type RedisPair } from '../redis/redis-pair.js';

const everyNode = new Set<string>();

/**
 * Emitted on this node (never relayed) when its Redis subscription comes back after a drop: events published
 * meanwhile were missed, so listeners that keep state in memory should re-read it.
 */
export const RELAY_RESYNC = 'relay.resync';

/** The name under which an event that happened on another node is emitted on this one. */
export const relayed = (event: string): string => `relayed:${event}`;

/**
 * Handles a domain event on every node, not only the one where it happened: for listeners that keep in-process
 * state up to date (the sockets' view of memberships and sessions, the moderation caches). Listeners that write
 * to the database use plain `@OnEvent`, so that the work is done once.
 */
export function OnEventOnEveryNode(event: string): MethodDecorator {
  everyNode.add(event);
  return applyDecorators(OnEvent(event), OnEvent(relayed(event)));
}

/**
 * With REDIS_URL, publishes every event that some listener handles on every node (see `OnEventOnEveryNode`)
 * and re-emits the other nodes' events here under `relayed(name)`. Without Redis there is one node, and nothing
 * to do. Payloads travel as JSON: events carry plain fields only.
 */
@Injectable()
export class EventRelay implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventRelay.name);
  private readonly node = randomUUID();
  private redis: RedisPair | null = null;

  constructor(
    private readonly events: EventEmitter2,
    private readonly config: ConfigService<HearthConfig, true>,
  ) {}

  async onModuleInit(): Promise<void> {
    const url = this.config.get('redisUrl', { infer: true });
    if (!url) return;
    const channel = `${this.config.get('redisPrefix', { infer: true })}:domain-events`;
    const redis = await connectRedisPair(
      url,
      this.logger,
      `${this.config.get('redisPrefix', { infer: true })}-relay`,
    );
    this.redis = redis;
    await redis.sub.subscribe(channel, (raw) => this.receive(raw));
    // The client reconnects and subscribes again by itself; 'ready' after the first connection means a drop.
    redis.sub.on('ready', () => {
      if (this.redis !== redis) return;
      this.logger.warn(
        'Redis subscription restored; re-reading state that events may have changed meanwhile',
      );
      this.events.emit(RELAY_RESYNC);
    });
    this.events.onAny((event, payload) => {
      if (typeof event !== 'string' || !everyNode.has(event) || this.redis !== redis) return;
      redis.pub
        .publish(channel, JSON.stringify({ node: this.node, event, payload }))
        .catch((error: Error) =>
          this.logger.warn({ event, err: { message: error.message } }, 'Relay failed'),
        );
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const redis = this.redis;
    this.redis = null;
    await redis?.close();
  }

  private receive(raw: string): void {
    try {
      const { node, event, payload } = JSON.parse(raw) as { node: string; event: string; payload: unknown };
      if (node === this.node || !everyNode.has(event)) return;
      this.events.emit(relayed(event), payload);
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message } }, 'Unreadable relayed event');
    }
  }
}
