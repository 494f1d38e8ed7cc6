import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';

import type { HearthConfig } from '../config/hearth-config.js';
import { MailRejectedError, type Mail } from './mail.js';

interface SmtpFailure {
  responseCode?: number;
  code?: string;
}

/**
 * Sends email through the SMTP server in SMTP_URL. Without it the instance sends no email: `enabled` is false
 * and `send` refuses. Logs never hold an address, a subject or a body.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(config: ConfigService<HearthConfig, true>) {
    const { smtpUrl, from } = config.get('mail', { infer: true });
    this.from = from;
    this.transport = smtpUrl
      ? createTransport(smtpUrl, { disableFileAccess: true, disableUrlAccess: true })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) throw new MailRejectedError('Email is not configured on this instance', true);
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
    } catch (error) {
      throw this.rejection(error as SmtpFailure);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private rejection(failure: SmtpFailure): MailRejectedError {
    const status = failure.responseCode;
    const permanent = status !== undefined && status >= 500 && status < 600;
    const reason =
      status !== undefined ? `the SMTP server answered ${status}` : (failure.code ?? 'no answer');
    this.logger.warn({ status: status ?? null, code: failure.code ?? null, permanent }, 'Mail not sent');
    return new MailRejectedError(`Mail not sent: ${reason}`, permanent);
  }
}
