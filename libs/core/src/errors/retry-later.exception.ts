import { HttpException, HttpStatus } from '@nestjs/common';

/** A 429 that tells the client when to come back (the error filter sets `Retry-After`). */
export class RetryLaterException extends HttpException {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterMs: number) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}
