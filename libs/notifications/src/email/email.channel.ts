import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { actionMail, Mailer, MailRejectedError, type HearthConfig } from '@hearth/core';
import { UsersService } from '@hearth/identity';

import { DeliveryChannel, type DeliveryOutcome } from '../outbox/delivery-channel.js';
import type { Notice } from '../outbox/notice.js';
import type { OutboxItem } from '../outbox/outbox-item.entity.js';

/** The mail's own words, in the notice's language. */
const MAIL_WORDS = {
  en: {
    action: 'Open Hearth',
    footer:
      'Hearth sends this because of what you chose in Account › What Hearth tells you. Crisis alerts reach facilitators and admins by email and push whatever they choose.',
  },
  es: {
    action: 'Abrir Hearth',
    footer:
      'Hearth te envía esto por lo que elegiste en Cuenta › Lo que Hearth te cuenta. Las alertas de crisis llegan a quienes facilitan y administran por correo y notificación, elijan lo que elijan.',
  },
};

/**
 * Email through SMTP_URL, to the account's address as it is when sending (never copied into the outbox), and
 * only once the person has confirmed it: an unconfirmed address may not be theirs.
 */
@Injectable()
export class EmailChannel extends DeliveryChannel {
  readonly channel = 'email' as const;
  private readonly publicUrl: string;

  constructor(
    private readonly mailer: Mailer,
    private readonly users: UsersService,
    config: ConfigService<HearthConfig, true>,
  ) {
    super();
    this.publicUrl = config.get('publicUrl', { infer: true });
  }

  get available(): boolean {
    return this.mailer.enabled;
  }

  async deliver(item: OutboxItem, notice: Notice): Promise<DeliveryOutcome> {
    const address = await this.users.emailFor(item.userId);
    if (!address) return { ok: false, permanent: true, gone: true, error: 'account disabled or gone' };
    if (!address.verified) return { ok: false, permanent: true, error: 'address not confirmed' };
    try {
      await this.mailer.send(
        actionMail({
          to: address.email,
          subject: notice.title,
          lines: [notice.body],
          url: `${this.publicUrl}${notice.url}`,
          ...MAIL_WORDS[notice.language ?? 'en'],
          language: notice.language ?? 'en',
        }),
      );
      return { ok: true };
    } catch (error) {
      const permanent = error instanceof MailRejectedError && error.permanent;
      return { ok: false, permanent, error: (error as Error).message };
    }
  }
}
