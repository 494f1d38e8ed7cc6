/** Error codes carried by socket acks (`{ ok: false, error: { code, … } }`). */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONSENT_REQUIRED',
  'ARCHIVED',
  'EDIT_WINDOW_CLOSED',
  'MUTED',
  'SLOW_MODE',
  'READ_ONLY',
  'BLOCKED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes a refused connection carries in `connect_error`'s `data`. NOT_FOUND: a namespace other than /chat;
 * RATE_LIMITED: too many connections without a valid token from one address.
 */
export type ConnectErrorCode =
  'UNAUTHORIZED' | 'FORBIDDEN_ORIGIN' | 'TOO_MANY_CONNECTIONS' | 'NOT_FOUND' | 'RATE_LIMITED';

export interface FieldError {
  field: string;
  message: string;
}

export interface AckError {
  code: ErrorCode;
  message: string;
  /** The refusal's own code (`MUTED_FOR_NOW`, `NOT_A_MEMBER`, …), as an HTTP error body's `code`: what clients translate. */
  reason?: string;
  details?: FieldError[] | Record<string, unknown>;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;
