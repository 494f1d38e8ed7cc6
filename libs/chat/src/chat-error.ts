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
