import { createHash } from 'node:crypto';

import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

import { Clock, coded, foundOrFail, SharedState, Transactions, type HearthConfig } from '@hearth/core';

import type { Caller } from '../access/caller.js';
import { AccessLog } from '../access-log/access-log.js';
import { AccountTokens } from '../account-tokens/account-tokens.js';
import { LinkMail, withinBudget } from '../account-tokens/link-mail.js';
import { EmailVerifiedEvent, IdentityEvents, PasswordResetEvent } from '../events.js';
import { LoginThrottleService, signInSubject } from '../auth/login-throttle.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { CompletePasswordResetDto } from './dto/password-reset.dto.js';
import type { PasswordResetRequestedView, ResetLinkView } from './dto/password-reset.view.js';
import { passwordResetMail } from './password-reset.mail.js';

export const RESET_LINK_TTL_MS = 30 * 60_000;
/** Requests per address and per hour, whether or not an account uses it. */
export const RESETS_PER_ADDRESS = 3;
/** Requests per IP address and per hour. */
export const RESETS_PER_IP = 10;

const REQUESTED: PasswordResetRequestedView = {
  message:
    'If an account uses this address, we have sent it a link to choose a new password. The link works for 30 minutes.',
};
const INVALID_LINK = 'This link is invalid, already used or expired. Ask for a new one.';
export const NO_EMAIL =
  'This Hearth does not send email. Ask your group’s facilitator or an admin for a reset link.';

/**
 * Getting back into an account whose password is forgotten: by an emailed link, or, without email, by a link an
 * admin creates and hands over. Either link works once, for 30 minutes, and ends every session of the person.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);
  private readonly perAddress: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;

  constructor(
    private readonly users: UsersService,
    private readonly tokens: AccountTokens,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly accessLog: AccessLog,
    private readonly linkMail: LinkMail,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
    private readonly config: ConfigService<HearthConfig, true>,
    state: SharedState,
  ) {
    this.perAddress = state.rateLimiter({
      keyPrefix: 'reset-address',
      points: RESETS_PER_ADDRESS,
      duration: 3600,
    });
    this.perIp = state.rateLimiter({ keyPrefix: 'reset-ip', points: RESETS_PER_IP, duration: 3600 });
  }

  /**
   * The answer is the same, and as quick, whether or not an account uses the address: the account is looked up
   * and the mail sent after answering.
   */
  async request(email: string, ip: string): Promise<PasswordResetRequestedView> {
    if (!this.linkMail.enabled) throw new ConflictException(coded('EMAIL_OFF', NO_EMAIL));
    await withinBudget(this.perIp, ip, 'Too many password reset requests from this network.');
    const addressKey = createHash('sha256').update(email).digest('hex');
    await withinBudget(this.perAddress, addressKey, 'Too many password reset requests for this address.');
    this.linkMail.later('password_reset', async () => {
      const user = await this.users.findByEmail(email);
      if (!user || user.disabledAt) return null;
      const { token } = await this.transactions.run((manager) =>
        this.tokens.issue(manager, user.id, 'password_reset', RESET_LINK_TTL_MS),
      );
      return { userId: user.id, mail: passwordResetMail(user.email, this.linkTo(token)) };
    });
    return REQUESTED;
  }

  /** Sets the new password and ends every session of the person; the sign-in history says why. */
  async complete(dto: CompletePasswordResetDto): Promise<void> {
    const passwordHash = await this.users.hashNewPassword(dto.password);
    const outcome = await this.transactions.run(async (manager) => {
      const spent = await this.tokens.redeem(manager, dto.token, 'password_reset');
      if (!spent) throw new BadRequestException(coded('LINK_INVALID', INVALID_LINK));
      const user = foundOrFail(await manager.findOneBy(User, { id: spent.userId }), 'User');
      if (user.disabledAt)
        throw new ForbiddenException(coded('ACCOUNT_DISABLED', 'This account is disabled'));
      const now = this.clock.now();
      const changes: Partial<User> = { passwordHash, updatedAt: now };
      // An emailed link proves the person reads this address.
      const verifies = spent.createdBy === null && user.emailVerifiedAt === null;
      if (verifies) changes.emailVerifiedAt = now;
      await manager.update(User, { id: user.id }, changes);
      const revoked = await this.sessions.revokeAll(manager, user.id, 'password_reset');
      return { user, revoked, by: spent.createdBy ? ('admin' as const) : ('email' as const), verifies };
    });
    const { user, revoked, by } = outcome;
    this.sessions.announceRevoked(user.id, revoked, 'password_reset');
    this.events.emit(IdentityEvents.passwordReset, new PasswordResetEvent(user.id, by));
    if (outcome.verifies) this.events.emit(IdentityEvents.emailVerified, new EmailVerifiedEvent(user.id));
    await this.throttle.clear(signInSubject(user.email));
    this.logger.log(
      { userId: user.id, sessionsEnded: revoked.length, linkFrom: by },
      'Password reset with a one-time link',
    );
  }

  /** For an instance without email: a link the admin hands to the person by another channel. */
  async createLink(admin: Caller, userId: string): Promise<ResetLinkView> {
    const issued = await this.transactions.run(async (manager) => {
      const user = foundOrFail(await manager.findOneBy(User, { id: userId }), 'User');
      if (user.disabledAt)
        throw new ConflictException(
          coded('ACCOUNT_DISABLED_ENABLE_FIRST', 'This account is disabled; enable it first'),
        );
      const link = await this.tokens.issue(
        manager,
        userId,
        'password_reset',
        RESET_LINK_TTL_MS,
        admin.userId,
      );
      await this.accessLog.record(
        admin,
        [{ subjectUserId: userId, kind: 'identity', resourceId: userId }],
        manager,
      );
      return link;
    });
    this.logger.log({ adminId: admin.userId, userId }, 'Password reset link created by an admin');
    return { url: this.linkTo(issued.token), expiresAt: issued.expiresAt.toISOString() };
  }

  private linkTo(token: string): string {
    return `${this.config.get('publicUrl', { infer: true })}/reset-password?token=${token}`;
  }
}
