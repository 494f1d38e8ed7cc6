import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type WsExceptionFilter,
} from '@nestjs/common';
import { WsException } from '@nestjs/websockets';

import { INTEGRITY_MESSAGE, IntegrityError, ValidationFailedException } from '@hearth/core';
import type { AckError, ErrorCode } from '@hearth/contracts';

import { ChatError } from '../chat-error.js';

const BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHORIZED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.CONFLICT]: 'CONFLICT',
  [HttpStatus.TOO_MANY_REQUESTS]: 'RATE_LIMITED',
};

/**
 * Every failure of a socket event is answered through its ack, as `{ ok: false, error: { code, message } }`:
 * never a bare "Internal server error", never a dropped connection.
 */
@Catch()
export class WsAckFilter implements WsExceptionFilter {
  private readonly logger = new Logger('ChatGateway');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ack = host.getArgs().find((arg): arg is (response: unknown) => void => typeof arg === 'function');
    const error = this.toAckError(exception);
    if (ack) ack({ ok: false, error });
  }

  toAckError(exception: unknown): AckError {
    if (exception instanceof ChatError) {
      return {
        code: exception.code,
        message: exception.message,
        ...(exception.reason ? { reason: exception.reason } : {}),
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof ValidationFailedException) {
      return { code: 'VALIDATION', message: 'Validation failed', details: exception.details };
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : String((response as { message?: unknown }).message ?? exception.message);
      const reason = typeof response === 'object' ? (response as { code?: unknown }).code : undefined;
      return {
        code: BY_STATUS[exception.getStatus()] ?? 'INTERNAL',
        message,
        ...(typeof reason === 'string' ? { reason } : {}),
      };
    }
    if (exception instanceof WsException) {
      return { code: 'FORBIDDEN', message: String(exception.getError()) };
    }
    if (exception instanceof IntegrityError) {
      this.logger.error({ err: { type: exception.name, message: exception.message } }, 'Sealed data refused');
      return { code: 'INTERNAL', message: INTEGRITY_MESSAGE };
    }
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(
      { err: { type: error.name, message: error.message, stack: error.stack } },
      'Unhandled socket error',
    );
    return { code: 'INTERNAL', message: 'Something went wrong; please try again' };
  }
}
