import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Clock, Transactions } from '@hearth/core';

import { LoginThrottle } from './login-throttle.entity.js';

/** Failures allowed before the back-off starts. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** A quiet day forgives old failures. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** Whose failures count together: an address signing in (existing or not), or a signed-in account. */
export const signInSubject = (email: string) => `login:${email}`;
export const accountSubject = (userId: string) => `account:${userId}`;
export const knownDeviceSubject = (deviceId: string) => `device:${deviceId}`;
export const secondFactorSubject = (userId: string) => `second-factor:${userId}`;

/**
 * Exponential back-off on failed password checks: after 5 failures the subject is locked for 30 s, then 1 min,
 * 2 min, … up to 15 min per further failure. Sign-in is keyed by the address, existing or not; a signed-in
 * person confirming their password (a new password, erasure) by the account.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts an attempt as a failure before the password is checked, in one step with the lock check, so that
   * guesses sent in parallel cannot all pass the check before any of them is recorded. Returns the
   * milliseconds to wait (nothing counted) or 0: go ahead, and `clear` if the password was right.
   */
  async claimAttempt(subject: string): Promise<number> {
    const key = this.keyOf(subject);
    return this.transactions.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(LoginThrottle)
        .values({ key, failures: 0, lockedUntil: null, updatedAt: this.clock.now() })
        .orIgnore()
        .execute();
      const row = await manager.findOne(LoginThrottle, {
        where: { key },
        ...(this.transactions.isPostgres ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      const waitMs = this.remaining(row);
      if (waitMs === 0) await this.countFailure(manager, key, row);
      return waitMs;
    });
  }

  async clear(subject: string): Promise<void> {
    await this.transactions.run((manager) => manager.delete(LoginThrottle, { key: this.keyOf(subject) }));
  }

  private remaining(row: LoginThrottle | null): number {
    const until = row?.lockedUntil?.getTime() ?? 0;
    return Math.max(0, until - this.clock.now().getTime());
  }

  private async countFailure(manager: EntityManager, key: string, row: LoginThrottle | null): Promise<void> {
    const now = this.clock.now();
    const stale = !row || now.getTime() - row.updatedAt.getTime() > FORGET_AFTER_MS;
    const failures = stale ? 1 : row.failures + 1;
    const lockedUntil =
      failures >= FREE_FAILURES
        ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES)))
        : null;
    await manager.upsert(LoginThrottle, { key, failures, lockedUntil, updatedAt: now }, ['key']);
  }

  private keyOf(subject: string): string {
    return createHash('sha256').update(subject).digest('hex');
  }
}
