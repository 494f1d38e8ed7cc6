import { HttpException } from '@nestjs/common';

import type { AckError, ErrorCode } from '@hearth/contracts';
import type { CodedMessage } from '@hearth/core';

/**
 * A refusal with a code from the contract, answered through the socket ack (or mapped to HTTP). A message given
 * with `coded()` also carries the specific code the client translates (the ack's `reason`, the HTTP body's `code`).
 */
export class ChatError extends Error {
  readonly reason?: string;

  constructor(
    readonly code: ErrorCode,
    message: string | CodedMessage,
    readonly details?: AckError['details'],
  ) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'ChatError';
    if (typeof message !== 'string') this.reason = message.code;
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
  const body = error.reason ? { code: error.reason, message: error.message } : error.message;
  return new HttpException(body, HTTP_STATUS[error.code]);
}

/** For HTTP callers of chat's services: a chat refusal becomes the same refusal in HTTP; anything else is rethrown. */
export function rethrowForHttp(error: unknown): never {
  throw error instanceof ChatError ? asHttpException(error) : error;
}
