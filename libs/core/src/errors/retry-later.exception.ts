import { HttpException, HttpStatus } from '@nestjs/common';

/** A 429 that tells the client when to come back (the error filter sets `Retry-After`). */
export class RetryLaterException extends HttpException {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterMs: number) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }

  /** "<what> Try again in 30 seconds." (or minutes, or hours): a person can tell when to come back. */
  static after(what: string, retryAfterMs: number): RetryLaterException {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const [amount, unit] =
      seconds < 90
        ? [seconds, 'second']
        : seconds < 90 * 60
          ? [Math.ceil(seconds / 60), 'minute']
          : [Math.ceil(seconds / 3600), 'hour'];
    return new RetryLaterException(
      `${what} Try again in ${amount} ${unit}${amount === 1 ? '' : 's'}.`,
      retryAfterMs,
    );
  }
}
