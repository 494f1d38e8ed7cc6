import { createHash, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository, type EntityManager } from 'typeorm';

import { Clock, coded, findRow, SECRETS, Transactions, type HearthConfig, type Secrets } from '@hearth/core';

import { IdentityEvents, SessionRevokedEvent } from '../events.js';
import { effectiveRole, type Role } from '../users/role.js';
import { User } from '../users/user.entity.js';
import { AccessTokens } from './access-tokens.js';
import type { TokenPair } from './dto/token-pair.view.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Session, type SessionRevokedReason } from './session.entity.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ActiveSession {
  session: Session;
  user: User;
  /** The powers this session holds now (see `effectiveRole`): the account's role, or member until 2FA is set up. */
  role: Role;
}

@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);
  private readonly successorKey: Buffer;

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly transactions: Transactions,
    private readonly accessTokens: AccessTokens,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
    private readonly config: ConfigService<HearthConfig, true>,
    @Inject(SECRETS) secrets: Secrets,
  ) {
    this.successorKey = Buffer.from(
      hkdfSync('sha256', secrets.jwtSecret, Buffer.alloc(0), 'hearth:refresh-successor', 32),
    );
  }

  private get refreshTtlMs(): number {
    return this.config.get('auth', { infer: true }).refreshTokenTtlSeconds * 1000;
  }

  /** Opens a session for a user who has just proven who they are. Runs inside the caller's transaction. */
  async start(manager: EntityManager, userId: string, userAgent?: string): Promise<TokenPair> {
    const now = this.clock.now();
    const session = manager.create(Session, {
      id: randomUUID(),
      userId,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.refreshTtlMs),
      revokedAt: null,
      revokedReason: null,
      userAgent: userAgent?.slice(0, 255) ?? null,
    });
    await manager.insert(Session, session);
    return this.issue(manager, session, now);
  }

  /**
   * Trades a refresh token for a new pair. A token is good once: presenting one that was already used means it
   * was copied, so the whole family is revoked and the caller must sign in again.
   *
   * One exception: a client whose answer was lost on the way (a dropped connection, a closed tab) asks again
   * with the same token. Within REFRESH_REUSE_GRACE seconds of its use, and as long as the token that use gave
   * out has not been used itself, it gets that same refresh token again (with a fresh access token): the
   * successor of a token is derived from it with a server key, so it can be given twice without being stored.
   * Once the successor has been used, or after the grace period, a second use is theft as before.
   */
  async rotate(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const stored = await manager.findOne(RefreshToken, {
        where: { tokenHash: hashToken(refreshToken) },
        relations: { session: { user: true } },
      });
      const session = stored?.session;
      const user = session?.user;
      if (!stored || !session || !user || session.revokedAt || user.disabledAt || session.expiresAt <= now) {
        return { kind: session?.revokedReason === 'not_me' ? ('disowned' as const) : ('invalid' as const) };
      }
      const claimed = await manager.update(
        RefreshToken,
        { id: stored.id, usedAt: IsNull() },
        { usedAt: now },
      );
      if (!claimed.affected) {
        const again = await this.answerAgain(manager, stored, session, refreshToken, now);
        if (again) return { kind: 'rotated' as const, pair: again };
        await this.markRevoked(manager, session.id, 'reuse', now);
        return { kind: 'reused' as const, session };
      }
      session.lastUsedAt = now;
      session.expiresAt = new Date(now.getTime() + this.refreshTtlMs);
      await manager.update(
        Session,
        { id: session.id },
        { lastUsedAt: session.lastUsedAt, expiresAt: session.expiresAt },
      );
      return {
        kind: 'rotated' as const,
        pair: await this.issue(manager, session, now, this.successorOf(refreshToken)),
      };
    });

    if (outcome.kind === 'reused') {
      const { userId, id } = outcome.session;
      this.logger.warn({ userId, sessionId: id }, 'Refresh token reused; session revoked');
      this.announceRevoked(userId, [id], 'reuse');
    }
    if (outcome.kind === 'disowned') {
      // Its owner ended it as not theirs: the screen holding it forgets the account instead of offering to
      // sign in again over what it shows (a socket that missed the notice learns it here).
      throw new UnauthorizedException(
        coded('SESSION_DISOWNED', 'This sign-in was ended from another device'),
      );
    }
    if (outcome.kind !== 'rotated') {
      throw new UnauthorizedException('Refresh token is invalid or expired');
    }
    return outcome.pair;
  }

  /** The same answer to a repeated rotation, when it is a lost answer asked for again (see `rotate`). */
  private async answerAgain(
    manager: EntityManager,
    stored: RefreshToken,
    session: Session,
    refreshToken: string,
    now: Date,
  ): Promise<TokenPair | null> {
    const graceMs = this.config.get('auth', { infer: true }).refreshReuseGraceSeconds * 1000;
    if (!stored.usedAt || now.getTime() - stored.usedAt.getTime() > graceMs) return null;
    const successor = this.successorOf(refreshToken);
    const unused = await manager.findOneBy(RefreshToken, {
      sessionId: session.id,
      tokenHash: hashToken(successor),
      usedAt: IsNull(),
    });
    return unused ? this.pair(session, successor, now) : null;
  }

  /** The refresh token that rotating `token` gives out: unguessable without both `token` and the server key. */
  private successorOf(token: string): string {
    return createHmac('sha256', this.successorKey).update(token).digest('base64url');
  }

  /** The session behind an access token, if it is still live and its user still enabled. */
  async findActive(sessionId: string, userId: string): Promise<ActiveSession | null> {
    // Plain SQL: every authenticated request asks this (docs/PERFORMANCE.md, history reads).
    const { manager } = this.sessions;
    const session = await findRow(manager, Session, { id: sessionId, userId });
    if (session) session.user = (await findRow(manager, User, { id: userId }))!;
    if (
      !session?.user ||
      session.revokedAt ||
      session.user.disabledAt ||
      session.expiresAt <= this.clock.now()
    ) {
      return null;
    }
    return {
      session,
      user: session.user,
      role: effectiveRole(session.user, this.config.get('auth', { infer: true }).staffSecondFactor),
    };
  }

  async revoke(userId: string, sessionId: string, reason: SessionRevokedReason): Promise<void> {
    const revoked = await this.transactions.run((manager) =>
      this.markRevoked(manager, sessionId, reason, this.clock.now(), userId),
    );
    if (revoked) {
      this.announceRevoked(userId, [sessionId], reason);
    }
  }

  /**
   * Revokes every live session of a user, except one (the caller's own, after a password change).
   * Runs inside the caller's transaction; announce the returned ids once it has committed.
   */
  async revokeAll(
    manager: EntityManager,
    userId: string,
    reason: SessionRevokedReason,
    exceptSessionId?: string,
  ): Promise<string[]> {
    const live = await manager.find(Session, {
      where: { userId, revokedAt: IsNull(), ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}) },
      select: { id: true },
    });
    const now = this.clock.now();
    for (const { id } of live) {
      await this.markRevoked(manager, id, reason, now);
    }
    return live.map(({ id }) => id);
  }

  announceRevoked(userId: string, sessionIds: string[], reason: SessionRevokedReason): void {
    for (const sessionId of sessionIds) {
      this.events.emit(IdentityEvents.sessionRevoked, new SessionRevokedEvent(userId, sessionId, reason));
    }
  }

  private async markRevoked(
    manager: EntityManager,
    sessionId: string,
    reason: SessionRevokedReason,
    now: Date,
    userId?: string,
  ): Promise<boolean> {
    const result = await manager.update(
      Session,
      { id: sessionId, revokedAt: IsNull(), ...(userId ? { userId } : {}) },
      { revokedAt: now, revokedReason: reason },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Stores a new refresh token for the session (a random one when a session starts) and returns the pair. */
  private async issue(
    manager: EntityManager,
    session: Session,
    now: Date,
    refreshToken: string = randomBytes(32).toString('base64url'),
  ): Promise<TokenPair> {
    await manager.insert(RefreshToken, {
      id: randomUUID(),
      sessionId: session.id,
      tokenHash: hashToken(refreshToken),
      createdAt: now,
      usedAt: null,
    });
    return this.pair(session, refreshToken, now);
  }

  private pair(session: Session, refreshToken: string, now: Date): TokenPair {
    return {
      accessToken: this.accessTokens.sign({ sub: session.userId, sid: session.id }, now),
      accessTokenExpiresAt: new Date(now.getTime() + this.accessTokens.ttlSeconds * 1000).toISOString(),
      refreshToken,
      refreshTokenExpiresAt: session.expiresAt.toISOString(),
    };
  }
}
