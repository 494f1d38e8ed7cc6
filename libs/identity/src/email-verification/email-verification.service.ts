import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { IsNull } from 'typeorm';

import { Clock, coded, SharedState, Transactions, type HearthConfig } from '@hearth/core';

import type { Caller } from '../access/caller.js';
import { AccountTokens } from '../account-tokens/account-tokens.js';
import { LinkMail, withinBudget } from '../account-tokens/link-mail.js';
import { EmailVerifiedEvent, IdentityEvents, UserRegisteredEvent } from '../events.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { EmailVerificationSentView } from './dto/email-verification.view.js';
import { emailVerificationMail } from './email-verification.mail.js';

export const VERIFICATION_LINK_TTL_MS = 24 * 60 * 60_000;
/** Links a person may ask for again per hour. */
export const VERIFICATION_RESENDS = 3;

/** With email configured, each address is confirmed by a link before Hearth relies on it (for alerts). */
@Injectable()
export class EmailVerificationService {
  private readonly resends: RateLimiterAbstract;

  constructor(
    private readonly users: UsersService,
    private readonly tokens: AccountTokens,
    private readonly linkMail: LinkMail,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
    private readonly config: ConfigService<HearthConfig, true>,
    state: SharedState,
  ) {
    this.resends = state.rateLimiter({
      keyPrefix: 'verify-resend',
      points: VERIFICATION_RESENDS,
      duration: 3600,
    });
  }

  @OnEvent(IdentityEvents.userRegistered)
  onRegistered(event: UserRegisteredEvent): void {
    this.offer(event.userId);
  }

  /** Emails a verification link to a new or changed address, when email is configured. */
  offer(userId: string): void {
    if (!this.linkMail.enabled) return;
    this.linkMail.later('email_verification', async () => {
      const user = await this.users.findById(userId);
      if (user.disabledAt || user.emailVerifiedAt) return null;
      const { token } = await this.transactions.run((manager) =>
        this.tokens.issue(manager, user.id, 'email_verification', VERIFICATION_LINK_TTL_MS),
      );
      const url = `${this.config.get('publicUrl', { infer: true })}/verify-email?token=${token}`;
      return { userId: user.id, mail: emailVerificationMail(user.email, url) };
    });
  }

  async resend(caller: Caller): Promise<EmailVerificationSentView> {
    if (!this.linkMail.enabled)
      throw new ConflictException(coded('EMAIL_OFF', 'This Hearth does not send email'));
    const user = await this.users.findById(caller.userId);
    if (user.emailVerifiedAt)
      throw new ConflictException(coded('EMAIL_ALREADY_VERIFIED', 'Your address is already verified'));
    await withinBudget(this.resends, user.id, 'You asked for several links already.');
    this.offer(user.id);
    return { message: 'A new link is on its way to your address. It works for 24 hours.' };
  }

  async verify(token: string): Promise<void> {
    const verified = await this.transactions.run(async (manager) => {
      const spent = await this.tokens.redeem(manager, token, 'email_verification');
      if (!spent) {
        throw new BadRequestException(
          coded('LINK_INVALID', 'This link is invalid, already used or expired. Ask for a new one.'),
        );
      }
      const now = this.clock.now();
      const changed = await manager.update(
        User,
        { id: spent.userId, emailVerifiedAt: IsNull() },
        { emailVerifiedAt: now, updatedAt: now },
      );
      return changed.affected ? spent.userId : null;
    });
    if (verified) this.events.emit(IdentityEvents.emailVerified, new EmailVerifiedEvent(verified));
  }
}
