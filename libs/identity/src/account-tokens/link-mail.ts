import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { actionMail, Mailer, MailRejectedError, RetryLaterException, type Mail } from '@hearth/core';

const IGNORE = 'If this was not you, you can ignore this email.';

/** A short, kind email around one account link (see `actionMail`). */
export const linkMail = (to: string, subject: string, lines: string[], action: string, url: string): Mail =>
  actionMail({ to, subject, lines, action, url, footer: IGNORE });

/** Spends one point of a budget, or answers 429 with when to try again. */
export async function withinBudget(limiter: RateLimiterAbstract, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw RetryLaterException.after(what, rejection.msBeforeNext);
    throw rejection;
  }
}

/**
 * Sends account links after the request has been answered, so that the answer takes as long whether or not an
 * account was found. A failure is logged with the account id only; the person can ask again. Sends still under
 * way finish before the app stops.
 */
@Injectable()
export class LinkMail implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LinkMail.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly mailer: Mailer) {}

  get enabled(): boolean {
    return this.mailer.enabled;
  }

  /** Runs `work` (which finds the account, issues a link and returns the mail, or null) in the background. */
  later(purpose: string, work: () => Promise<{ userId: string; mail: Mail } | null>): void {
    const run = (async () => {
      let userId: string | null = null;
      try {
        const outcome = await work();
        if (!outcome) return;
        userId = outcome.userId;
        await this.mailer.send(outcome.mail);
        this.logger.log({ userId, purpose }, 'Account link emailed');
      } catch (error) {
        const permanent = error instanceof MailRejectedError ? error.permanent : null;
        this.logger.warn({ userId, purpose, permanent }, 'Account link not emailed');
      }
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}
