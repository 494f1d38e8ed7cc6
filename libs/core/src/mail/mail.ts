/** One email: both bodies are required, so every message reads well in any client. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/**
 * The SMTP server did not take the mail. `permanent` when it answered 5xx (retrying will not help); otherwise
 * (4xx, no answer, a broken connection) a later try may succeed. The message never holds the address.
 */
export class MailRejectedError extends Error {
  override name = 'MailRejectedError';

  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
