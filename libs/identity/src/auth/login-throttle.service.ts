import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { Clock, Transactions } from '@hearth/core';

import { LoginThrottle } from './login-throttle.entity.js';

/** Failures allowed before the back-off starts. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** A quiet day forgives old failures. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/**
 * Per-account exponential back-off on failed sign-ins: after 5 failures the address is locked for 30 s,
 * then 1 min, 2 min, … up to 15 min per further failure. Keyed by the address, existing or not.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginThrottle) private readonly throttles: Repository<LoginThrottle>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Milliseconds until the next attempt is allowed; 0 when it is allowed now. */
  async waitFor(email: string): Promise<number> {
    const row = await this.throttles.findOneBy({ key: this.keyOf(email) });
    const until = row?.lockedUntil?.getTime() ?? 0;
    return Math.max(0, until - this.clock.now().getTime());
  }

  async recordFailure(email: string): Promise<void> {
    const key = this.keyOf(email);
    await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const row = await manager.findOneBy(LoginThrottle, { key });
      const stale = !row || now.getTime() - row.updatedAt.getTime() > FORGET_AFTER_MS;
      const failures = stale ? 1 : row.failures + 1;
      const lockedUntil =
        failures >= FREE_FAILURES
          ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES)))
          : null;
      await manager.upsert(LoginThrottle, { key, failures, lockedUntil, updatedAt: now }, ['key']);
    });
  }

  async clear(email: string): Promise<void> {
    await this.transactions.run((manager) => manager.delete(LoginThrottle, { key: this.keyOf(email) }));
  }

  private keyOf(email: string): string {
    return createHash('sha256').update(`login:${email}`).digest('hex');
  }
}
