import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { Mailer, MailRejectedError, RetryLaterException, type Mail } from '@hearth/core';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A short, kind email around one link: no images, no tracking, nothing about the person beyond the link. */
export function linkMail(to: string, subject: string, lines: string[], action: string, url: string): Mail {
  const text = [
    ...lines,
    '',
    `${action}: ${url}`,
    '',
    'If this was not you, you can ignore this email.',
    '',
    'Hearth',
  ];
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#222">',
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p>`,
    `<p style="color:#555;font-size:90%">Or copy this address into your browser: ${escapeHtml(url)}</p>`,
    '<p style="color:#555;font-size:90%">If this was not you, you can ignore this email.</p>',
    '<p>Hearth</p></body></html>',
  ];
  return {
    to,
    subject,
    text: text.join('\n'),
    html: html.join('\n'),
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

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
