import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { SharedState, type HearthConfig } from '@hearth/core';

import { ChatError } from '../chat-error.js';
import { RealtimePublisher } from '../realtime/realtime-publisher.js';
import { CoolOff } from './cool-off.js';
import type { ChatSocket } from '../realtime/socket-types.js';

/**
 * What each kind of socket event may cost, per minute: for one connection, and for one person across all their
 * connections and every node. Sending and editing messages spend the send budget instead (CHAT_RATE_LIMIT).
 */
export const SOCKET_BUDGETS = {
  /**
   * Opening and leaving a room: generous, since people switch rooms quickly; what makes a join expensive (the
   * missed messages it returns) has its own allowance by volume (CatchUpAllowance).
   */
  rooms: { perConnection: 300, perPerson: (maxConnections: number) => Math.max(600, 30 * maxConnections) },
  reactions: { perConnection: 60, perPerson: () => 120 },
  /** Starting and stopping alike: alternating true and false must not get around it. */
  typing: { perConnection: 120, perPerson: () => 240 },
  /** A read marker follows every message that arrives while a room is open. */
  reading: { perConnection: 600, perPerson: () => 1200 },
  deleting: { perConnection: 30, perPerson: () => 60 },
  tokens: { perConnection: 10, perPerson: () => 30 },
} as const;

export type SocketBudgetName = keyof typeof SOCKET_BUDGETS;

const BUDGET = 'hearth:socket-budget';

/** The budget a socket event spends from; events without one are not limited here. */
export const SocketBudget = (name: SocketBudgetName) => SetMetadata(BUDGET, name);

const WINDOW_SECONDS = 60;

/**
 * Spends one point of the event's budget, per connection (in this process: a connection lives on one node) and
 * per person (shared by every node through SharedState, like the send budget). An event over either budget is
 * answered `RATE_LIMITED` with `retryAfterMs`, and nothing is done.
 */
@Injectable()
export class SocketBudgetGuard implements CanActivate {
  private readonly limiters = new Map<
    SocketBudgetName,
    { connection: RateLimiterAbstract; person: RateLimiterAbstract }
  >();

  /**
   * Refusals a connection may receive per minute and keep going (CHAT_REFUSALS_BEFORE_CLOSING, 60). A client that
   * waits `retryAfterMs` (as the web client does) gets a handful; one that keeps sending regardless is closed, so
   * refusing it stops costing work.
   */
  private readonly refusals: RateLimiterAbstract;

  constructor(
    private readonly reflector: Reflector,
    private readonly realtime: RealtimePublisher,
    private readonly coolOff: CoolOff,
    config: ConfigService<HearthConfig, true>,
    state: SharedState,
  ) {
    const { maxConnectionsPerUser, refusalsBeforeClosing } = config.get('chat', { infer: true });
    this.refusals = new RateLimiterMemory({
      keyPrefix: 'socket-refusals',
      points: refusalsBeforeClosing,
      duration: WINDOW_SECONDS,
    });
    for (const [name, budget] of Object.entries(SOCKET_BUDGETS) as [
      SocketBudgetName,
      (typeof SOCKET_BUDGETS)[SocketBudgetName],
    ][]) {
      this.limiters.set(name, {
        connection: new RateLimiterMemory({
          keyPrefix: `socket-${name}`,
          points: budget.perConnection,
          duration: WINDOW_SECONDS,
        }),
        person: state.rateLimiter({
          keyPrefix: `person-${name}`,
          points: budget.perPerson(maxConnectionsPerUser),
          duration: WINDOW_SECONDS,
        }),
      });
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<SocketBudgetName | undefined>(BUDGET, context.getHandler());
    const limiters = name ? this.limiters.get(name) : undefined;
    if (!limiters) return true;
    const socket = context.switchToWs().getClient<ChatSocket>();
    try {
      await limiters.connection.consume(socket.id);
      await limiters.person.consume(socket.data.userId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      await this.closeIfIgnoring(socket);
      throw new ChatError('RATE_LIMITED', 'Too many requests; wait a moment', {
        retryAfterMs: rejection.msBeforeNext,
      });
    }
    return true;
  }

  private async closeIfIgnoring(socket: ChatSocket): Promise<void> {
    try {
      await this.refusals.consume(socket.id);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      await this.coolOff.start(socket.data.userId);
      this.realtime.toSocket(socket, 'notice', {
        kind: 'connection.closed',
        message: 'This connection sent too many requests and was closed. It reconnects in a minute.',
      });
      socket.disconnect(true);
    }
  }
}
