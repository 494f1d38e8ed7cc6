import { STATUS_CODES } from 'node:http';

import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';

import { IntegrityError } from '../crypto/sealing.js';
import type { ErrorBody } from './error-body.js';
import { RetryLaterException } from './retry-later.exception.js';
import { ValidationFailedException } from './validation.js';

/** What a caller is told when stored ciphertext fails to open (tampered, moved between rows, key destroyed). */
export const INTEGRITY_MESSAGE = 'Stored data failed its integrity check and cannot be shown';

/** Errors thrown by the body parser carry an HTTP status and a type. */
interface BodyParserError {
  status: number;
  type: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).status === 'number' &&
    typeof (error as BodyParserError).type === 'string'
  );
}

const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.too.large': 'Request body is too large',
  'entity.parse.failed': 'Request body is not valid JSON',
  'encoding.unsupported': 'Unsupported request body encoding',
  'charset.unsupported': 'Unsupported request body charset',
  'request.aborted': 'Request was aborted',
};

/**
 * Every HTTP error leaves in one shape: { statusCode, error, message, details? }.
 * Unexpected errors become a bare 500; their internals stay in the log, never in the response.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    // Socket events are answered by the chat gateway's own filter, through their acks.
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    // pino-http's id for the request (also sent back as x-request-id): the log line of an unexpected error names it.
    const { id } = host.switchToHttp().getRequest<{ id?: unknown }>();
    const body = this.toBody(exception, typeof id === 'string' ? id : undefined);
    if (response.headersSent) {
      return;
    }
    if (exception instanceof RetryLaterException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown, requestId?: string): ErrorBody {
    if (exception instanceof ValidationFailedException) {
      return { ...this.base(HttpStatus.BAD_REQUEST, 'Validation failed'), details: exception.details };
    }
    // The Express adapter wraps body-parser errors in an HttpException; the original is its cause.
    const bodyError = exception instanceof HttpException ? exception.cause : exception;
    if (isBodyParserError(bodyError) && bodyError.status >= 400 && bodyError.status < 500) {
      return this.base(bodyError.status, BODY_PARSER_MESSAGES[bodyError.type] ?? 'Bad request body');
    }
    if (exception instanceof RetryLaterException) {
      return { ...this.base(exception.getStatus(), this.messageOf(exception)), code: 'RATE_LIMITED' };
    }
    if (exception instanceof HttpException) {
      const code = this.codeOf(exception);
      return { ...this.base(exception.getStatus(), this.messageOf(exception)), ...(code ? { code } : {}) };
    }
    if (exception instanceof IntegrityError) {
      this.logger.error(
        { reqId: requestId, err: { type: exception.name, message: exception.message } },
        'Sealed data refused',
      );
      return this.base(HttpStatus.INTERNAL_SERVER_ERROR, INTEGRITY_MESSAGE);
    }
    const error = exception instanceof Error ? exception : new Error(String(exception));
    // Only name, message and stack: driver errors carry query parameters, which may hold private text.
    this.logger.error(
      { reqId: requestId, err: { type: error.name, message: error.message, stack: error.stack } },
      'Unhandled error',
    );
    return this.base(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }

  private base(statusCode: number, message: string): ErrorBody {
    return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  }

  /** A code given as `new ForbiddenException({ message, code })` (see `coded`). */
  private codeOf(exception: HttpException): string | undefined {
    const response = exception.getResponse();
    const code = typeof response === 'object' ? (response as { code?: unknown }).code : undefined;
    return typeof code === 'string' ? code : undefined;
  }

  private messageOf(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
    return exception.message;
  }
}
