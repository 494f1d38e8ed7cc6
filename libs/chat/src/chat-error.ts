import { HttpException } from '@nestjs/common';

import type { AckError, ErrorCode } from '@hearth/contracts';

/** A refusal with a code from the contract, answered through the socket ack (or mapped to HTTP). */
export class ChatError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: AckError['details'],
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CONSENT_REQUIRED: 409,
  ARCHIVED: 409,
  EDIT_WINDOW_CLOSED: 409,
  MUTED: 403,
  SLOW_MODE: 429,
  READ_ONLY: 403,
  BLOCKED: 422,
  INTERNAL: 500,
};

/** The same refusal for an HTTP caller (for example, sharing a reflection into a group). */
export function asHttpException(error: ChatError): HttpException {
  return new HttpException(error.message, HTTP_STATUS[error.code]);
}

/** For HTTP callers of chat's services: a chat refusal becomes the same refusal in HTTP; anything else is rethrown. */
export function rethrowForHttp(error: unknown): never {
  throw error instanceof ChatError ? asHttpException(error) : error;
}
