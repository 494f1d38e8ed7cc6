import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Cron, CronExpression } from '@nestjs/schedule';
import { IsNull, LessThan, type EntityManager } from 'typeorm';

import { Clock, foundOrFail, Shredder, Transactions, type HearthConfig, coded } from '@hearth/core';

import type { Caller } from '../access/caller.js';
import { Session } from '../sessions/session.entity.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { describeDevice } from './device.js';
import type { NotMeResultView, SignInView } from './dto/sign-in.view.js';

const DAY_MS = 86_400_000;

export function signInView(session: Session, now: Date, currentSessionId: string | null): SignInView {
  const expired = session.expiresAt <= now;
  const ended = session.revokedAt ?? (expired ? session.expiresAt : null);
  return {
    id: session.id,
    startedAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    endedAt: ended?.toISOString() ?? null,
    endedReason: session.revokedReason ?? (expired ? 'expired' : null),
    active: ended === null,
    current: session.id === currentSessionId,
    disownedAt: session.disownedAt?.toISOString() ?? null,
    device: describeDevice(session.userAgent),
  };
}

/**
 * A person's sign-in history (her sessions, kept after they end for SIGN_IN_RETENTION_DAYS) and "this wasn't
 * me", which ends the session on the spot.
 */
@Injectable()
export class SignInsService {
  private readonly logger = new Logger(SignInsService.name);

  constructor(
    private readonly sessions: SessionsService,
    private readonly transactions: Transactions,
    private readonly shredder: Shredder,
    private readonly clock: Clock,
    private readonly config: ConfigService<HearthConfig, true>,
  ) {}

  async list(caller: Caller): Promise<SignInView[]> {
    const rows = await this.transactions.run((manager) =>
      manager.find(Session, { where: { userId: caller.userId }, order: { createdAt: 'DESC', id: 'ASC' } }),
    );
    const now = this.clock.now();
    return rows.map((s) => signInView(s, now, caller.sessionId));
  }

  /**
   * "This wasn't me": marks the sign-in as disowned and ends it with everything that descends from it. A session
   * is one refresh-token family (every refresh stays in it), so ending it ends each access and refresh token it
   * ever gave out. Another person's session, or an unknown id, is a 404.
   */
  async disown(caller: Caller, sessionId: string): Promise<NotMeResultView> {
    const outcome = await this.transactions.run(async (manager) => {
      const session = foundOrFail(
        await manager.findOneBy(Session, { id: sessionId, userId: caller.userId }),
        'Sign-in',
      );
      if (session.id === caller.sessionId) {
        throw new ConflictException(
          coded('CURRENT_SIGN_IN', 'This is the sign-in you are using now; sign out instead'),
        );
      }
      const now = this.clock.now();
      const ended = await this.end(manager, session.id, now);
      await manager.update(Session, { id: session.id, disownedAt: IsNull() }, { disownedAt: now });
      const after = await manager.findOneByOrFail(Session, { id: session.id });
      return { ended, session: after, now };
    });
    this.sessions.announceRevoked(caller.userId, outcome.ended, 'not_me');
    this.logger.warn(
      { userId: caller.userId, sessionId, ended: outcome.ended.length },
      'Sign-in disowned by its owner',
    );
    return {
      endedSessionIds: outcome.ended,
      signIn: signInView(outcome.session, outcome.now, caller.sessionId),
    };
  }

  private async end(manager: EntityManager, sessionId: string, now: Date): Promise<string[]> {
    const result = await manager.update(
      Session,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: now, revokedReason: 'not_me' },
    );
    return (result.affected ?? 0) > 0 ? [sessionId] : [];
  }

  /** Sign-ins that ended (or expired) more than SIGN_IN_RETENTION_DAYS ago go, daily, with their tokens. */
  @Cron(CronExpression.EVERY_DAY_AT_4AM, { name: 'sign-in-retention' })
  async prune(): Promise<number> {
    const days = this.config.get('retention', { infer: true }).signInDays;
    const cutoff = new Date(this.clock.now().getTime() - days * DAY_MS);
    const deleted = await this.transactions.run(async (manager) => {
      const revoked = await manager.delete(Session, { revokedAt: LessThan(cutoff) });
      const expired = await manager.delete(Session, { revokedAt: IsNull(), expiresAt: LessThan(cutoff) });
      return (revoked.affected ?? 0) + (expired.affected ?? 0);
    });
    if (deleted > 0) {
      await this.shredder.shred();
      this.logger.log({ deleted }, 'Retention: deleted old sign-ins');
    }
    return deleted;
  }
}
