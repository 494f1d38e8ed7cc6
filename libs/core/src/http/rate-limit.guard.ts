import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import type { HearthConfig } from '../config/hearth-config.js';
import { RetryLaterException } from '../errors/retry-later.exception.js';
import { SharedState } from '../shared-state/shared-state.js';
import { AUTH_THROTTLE, SKIP_RATE_LIMIT } from './rate-limit.decorators.js';

/**
 * Per-IP rate limits, shared by every node: a general budget for every route, and a stricter one on routes that accept credentials.
 * Over budget, the answer is 429 with Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly general: RateLimiterAbstract;
  private readonly credentials: RateLimiterAbstract;

  constructor(
    private readonly reflector: Reflector,
    config: ConfigService<HearthConfig, true>,
    state: SharedState,
  ) {
    const { ttlSeconds, limit, authLimit } = config.get('throttle', { infer: true });
    this.general = state.rateLimiter({ keyPrefix: 'http', points: limit, duration: ttlSeconds });
    this.credentials = state.rateLimiter({ keyPrefix: 'auth', points: authLimit, duration: ttlSeconds });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, targets)) return true;
    const ip = context.switchToHttp().getRequest<Request>().ip ?? 'unknown';
    await this.consume(this.general, ip);
    if (this.reflector.getAllAndOverride<boolean>(AUTH_THROTTLE, targets)) {
      await this.consume(this.credentials, ip);
    }
    return true;
  }

  private async consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new RetryLaterException(
          'Too many requests. Slow down and try again shortly.',
          rejection.msBeforeNext,
        );
      }
      throw rejection;
    }
  }
}
