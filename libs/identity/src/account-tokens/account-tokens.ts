import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { IsNull, LessThan, MoreThan, type EntityManager } from 'typeorm';

import { Clock } from '@hearth/core';

import { AccountToken, type AccountTokenPurpose } from './account-token.entity.js';

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * One-time links: 32 random bytes, stored as their hash. A new link for the same purpose replaces the person's
 * earlier ones, and a link is spent by a conditional update, so two uses racing cannot both succeed.
 */
@Injectable()
export class AccountTokens {
  constructor(private readonly clock: Clock) {}

  async issue(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    ttlMs: number,
    createdBy: string | null = null,
  ): Promise<IssuedToken> {
    const now = this.clock.now();
    await manager.delete(AccountToken, { userId, purpose });
    await manager.delete(AccountToken, { expiresAt: LessThan(now) });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ttlMs);
    await manager.insert(AccountToken, {
      id: randomUUID(),
      userId,
      purpose,
      tokenHash: hashOf(token),
      createdBy,
      createdAt: now,
      expiresAt,
      usedAt: null,
    });
    return { token, expiresAt };
  }

  /** Spends a live token of this purpose: the row it was, or null (unknown, used, expired or another purpose). */
  async redeem(
    manager: EntityManager,
    token: string,
    purpose: AccountTokenPurpose,
  ): Promise<AccountToken | null> {
    const now = this.clock.now();
    const where = { tokenHash: hashOf(token), purpose, usedAt: IsNull(), expiresAt: MoreThan(now) };
    const row = await manager.findOneBy(AccountToken, where);
    if (!row) return null;
    const spent = await manager.update(AccountToken, { id: row.id, usedAt: IsNull() }, { usedAt: now });
    return spent.affected ? row : null;
  }
}
