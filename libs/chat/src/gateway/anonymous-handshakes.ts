import type { IncomingMessage } from 'node:http';

import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Socket } from 'socket.io';

import type { SharedState } from '@hearth/core';
import type { ConnectErrorCode } from '@hearth/contracts';

export function connectRefusal(code: ConnectErrorCode, message: string): Error {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * The socket handshakes an address may make without authenticating (CHAT_ANONYMOUS_HANDSHAKES per THROTTLE_TTL
 * window), counted for every node alike.
 *
 * Each new engine.io connection costs its address one handshake as it opens, so bare polling or WebSocket
 * handshakes that never speak socket.io count too; a connection that authenticates on /chat gives its
 * handshake back, so signed-in clients do not spend the budget, however many connect at once. Another connect
 * attempt on the same connection costs one more. Past the budget, a connect without a valid token is refused
 * with RATE_LIMITED and its connection closed; at twice the budget, new connections from the address are
 * refused before any handshake (HTTP 403), since a client that goes on after RATE_LIMITED is not listening.
 */
export class AnonymousHandshakes {
  /** Connections whose opening handshake still counts: given back if they authenticate. */
  private readonly unpaid = new WeakSet<IncomingMessage>();
  private readonly limiter: RateLimiterAbstract;

  constructor(
    state: SharedState,
    private readonly budget: number,
    windowSeconds: number,
    private readonly trustProxy: boolean,
  ) {
    this.limiter = state.rateLimiter({
      keyPrefix: 'ws-anonymous',
      points: 2 * budget,
      duration: windowSeconds,
    });
  }

  /** For engine.io's `allowRequest`: counts a new connection; false when its address is refused at the door. */
  async open(request: IncomingMessage): Promise<boolean> {
    try {
      await this.limiter.consume(this.addressOf(request));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false;
      throw rejection;
    }
    this.unpaid.add(request);
    return true;
  }

  /** The connection authenticated: its opening handshake does not count. */
  async authenticated(socket: Socket): Promise<void> {
    if (!this.unpaid.delete(socket.request)) return;
    const address = this.addressOf(socket.request);
    // A window that ended since the connection opened has forgotten its point; giving it back would credit one.
    if (((await this.limiter.get(address))?.consumedPoints ?? 0) > 0) await this.limiter.reward(address, 1);
  }

  /**
   * The refusal for a connect that did not authenticate (no valid token, a foreign origin, a namespace that is
   * not served): the given one within the budget, RATE_LIMITED past it, and then the connection is closed.
   */
  async refusal(socket: Socket, code: ConnectErrorCode, message: string): Promise<Error> {
    const waitMs = await this.spend(socket.request);
    if (waitMs === 0) return connectRefusal(code, message);
    // After socket.io has sent the refusal (on the next tick), so that the client learns why.
    setImmediate(() => socket.conn.close());
    return connectRefusal(
      'RATE_LIMITED',
      `Too many connections without a valid token from this address; try again in ${Math.ceil(waitMs / 1000)} s`,
    );
  }

  /** Milliseconds until the address is within its budget again; 0 when it is now. */
  private async spend(request: IncomingMessage): Promise<number> {
    const address = this.addressOf(request);
    let state: RateLimiterRes | null;
    if (this.unpaid.delete(request)) {
      state = await this.limiter.get(address);
    } else {
      state = await this.limiter.consume(address).catch((rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) return rejection;
        throw rejection;
      });
    }
    return state && state.consumedPoints > this.budget ? Math.max(1, state.msBeforeNext) : 0;
  }

  /** The client's address as the HTTP rate limits see it (the first X-Forwarded-For entry behind a proxy). */
  private addressOf(request: IncomingMessage): string {
    const forwarded = this.trustProxy ? request.headers['x-forwarded-for'] : undefined;
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    return first || request.socket.remoteAddress || 'unknown';
  }
}
