import { Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

import { SharedState } from '@hearth/core';

import { ChatError } from '../chat-error.js';

/** Missed messages one person may be sent by catch-up per minute, across their connections and every node. */
export const CATCH_UP_PER_MINUTE = 2_000;

/**
 * Catch-up is where one person can make the server do the most work (up to 500 messages read, rendered and sent
 * per join), so it is budgeted by volume: what is left of the minute's allowance bounds the page, and what was
 * sent is spent. Past the allowance the join still works with a shorter page and `hasMore`, and the client pages
 * the rest over HTTP, as it does after any long absence; with nothing left, the join is refused RATE_LIMITED.
 */
@Injectable()
export class CatchUpAllowance {
  private readonly limiter: RateLimiterAbstract;

  constructor(state: SharedState) {
    this.limiter = state.rateLimiter({ keyPrefix: 'catch-up', points: CATCH_UP_PER_MINUTE, duration: 60 });
  }

  /** How many missed messages this person may be sent now; refuses when none. */
  async left(userId: string): Promise<number> {
    const used = await this.limiter.get(userId);
    const left = CATCH_UP_PER_MINUTE - (used?.consumedPoints ?? 0);
    if (left <= 0) {
      throw new ChatError('RATE_LIMITED', 'Too many catch-ups; wait a moment', {
        retryAfterMs: used?.msBeforeNext ?? 60_000,
      });
    }
    return left;
  }

  /** Counts what was sent (one at least, so that empty catch-ups are not free). */
  async spend(userId: string, sent: number): Promise<void> {
    await this.limiter.penalty(userId, Math.max(1, sent));
  }
}
