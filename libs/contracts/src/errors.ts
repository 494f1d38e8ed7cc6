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

/** Codes a refused connection carries in `connect_error`'s `data`. */
export type ConnectErrorCode = 'UNAUTHORIZED' | 'FORBIDDEN_ORIGIN' | 'TOO_MANY_CONNECTIONS';

export interface FieldError {
  field: string;
  message: string;
}

export interface AckError {
  code: ErrorCode;
  message: string;
  details?: FieldError[] | Record<string, unknown>;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;
