import type { AckError, ErrorBodyDto, TokenPairDto } from '@hearth/contracts';

import { i18next } from '../i18n';
import { TokenStore } from './tokens';

/** The API's words for "see the details": never shown alone when the details say more. */
const GENERIC_MESSAGES = new Set(['Validation failed', 'Bad Request']);

type FieldErrorBody = NonNullable<ErrorBodyDto['details']>[number];

/** The catalogue's words for a server code, else null (the server's own words are shown then). */
function catalogued(key: string, values: Record<string, unknown> = {}): string | null {
  return i18next.exists(key) ? i18next.t(key, values) : null;
}

/** "30 seconds", "2 minutes", "1 hour", in the language Hearth speaks. */
function waitText(seconds: number): string {
  const [amount, unit] =
    seconds < 90
      ? [seconds, 'second']
      : seconds < 5400
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(i18next.resolvedLanguage, { style: 'unit', unit, unitDisplay: 'long' }).format(
    amount,
  );
}

/**
 * A field's message: the catalogue's for its code (`minLength`, `incorrect`, …, with the limits the server named:
 * the first number as `limit`, the last as `most`), else the server's sentence.
 */
function fieldMessage(detail: FieldErrorBody): string {
  const numbers = detail.message.match(/\d+/g) ?? [];
  const values = { limit: numbers[0], most: numbers.at(-1) };
  return (detail.code && catalogued(`errors.field.${detail.code}`, values)) || asSentence(detail.message);
}

/**
 * The catalogue's words for a server code, else the server's sentence. `limit` is the last number the server's
 * message names (the 15 of "Messages can be edited for 15 minutes"), for the catalogue to say in its own words.
 */
function codedMessage(code: string | undefined, message: string, retryAfterSeconds: number | null): string {
  const wait = retryAfterSeconds === null ? undefined : waitText(retryAfterSeconds);
  const limit = /(\d+)\D*$/.exec(message)?.[1];
  const key = code === 'RATE_LIMITED' && wait ? 'errors.code.RATE_LIMITED_FOR' : `errors.code.${code}`;
  return (code && catalogued(key, { wait, limit })) || asSentence(message);
}

/** The general message: the catalogue's for the server's code, else the server's sentence. */
function generalMessage(body: ErrorBodyDto, retryAfterSeconds: number | null): string {
  return codedMessage(body.code, body.message, retryAfterSeconds);
}

/**
 * A socket ack's refusal in the language Hearth speaks: the catalogue's words for its own code (`reason`, as an HTTP
 * body's `code`) or its contract code (`RATE_LIMITED`, …), else the server's sentence. How long to wait comes from
 * the details (`waitSeconds` in slow mode, `retryAfterMs` when sending too fast).
 */
export function ackText(error: AckError): string {
  const details = (Array.isArray(error.details) ? {} : (error.details ?? {})) as {
    waitSeconds?: unknown;
    retryAfterMs?: unknown;
  };
  const seconds = Number(details.waitSeconds) || Math.ceil(Number(details.retryAfterMs) / 1000) || null;
  return codedMessage(error.reason ?? error.code, error.message, seconds);
}

/** A server message as a sentence: "excerpt must be…" reads "Excerpt must be….". */
function asSentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capitalized = text[0].toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

/** An HTTP error in the API's documented shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBodyDto,
    /** From `Retry-After`, when the server said how long to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body.message);
    this.message = this.describe([]);
  }

  /** The message for one field, when the API named it, in the language Hearth speaks where it has the code. */
  field(name: string): string | undefined {
    const detail = this.body.details?.find((d) => d.field === name);
    return detail && fieldMessage(detail);
  }

  /**
   * What to say in the form's alert: the general message unless it only means "see the details", then every
   * field message not already shown beside its field. Empty when the fields say it all.
   */
  describe(shownFields: readonly string[]): string {
    const details: FieldErrorBody[] = this.body.details ?? [];
    const general =
      details.length > 0 && GENERIC_MESSAGES.has(this.body.message)
        ? []
        : [generalMessage(this.body, this.retryAfterSeconds)];
    const unshown = details.filter((d) => !shownFields.includes(d.field)).map(fieldMessage);
    return [...new Set([...general, ...unshown])].filter(Boolean).join(' ');
  }
}

/** A field's message from an error, when it is the API's and names the field. */
export function fieldText(error: unknown, name: string): string | undefined {
  return error instanceof ApiError ? error.field(name) : undefined;
}

/**
 * Network failures are shown as such, never as a blank screen. `shownFields`: fields whose message the screen
 * already shows beside them; null when nothing is left to say.
 */
export function errorText(error: unknown, shownFields: readonly string[] = []): string {
  if (error instanceof ApiError) {
    return error.describe(shownFields) || (shownFields.length ? '' : asSentence(error.body.message));
  }
  if (error instanceof TypeError) return i18next.t('errors.unreachable');
  return i18next.t('errors.unexpected');
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpOptions {
  /** No access token, no refresh on 401 (sign-in, sign-up, refresh). */
  anonymous?: boolean;
  signal?: AbortSignal;
}

/** The API over fetch: JSON in and out, access token attached, one refresh and retry on 401. */
export class Http {
  readonly tokens = new TokenStore();
  /** Called when the session cannot be renewed: the app asks the person to sign in again. */
  onExpired: () => void = () => undefined;
  /** The sign-in was ended by its owner as not theirs: nothing of it may stay on screen. */
  onDisowned: () => void = () => undefined;

  get<T>(path: string, options?: HttpOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T>(path: string, body?: unknown, options?: HttpOptions): Promise<T> {
    return this.request<T>('POST', path, body ?? {}, options);
  }
  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body ?? {});
  }
  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body ?? {});
  }
  delete<T = void>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('DELETE', path, body);
  }

  /** A fresh access token, renewing it first when it is about to end. Null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.tokens.stale && this.tokens.hasRefreshToken) await this.refresh();
    return this.tokens.accessToken;
  }

  /** Renews the session; on failure the person must sign in again (their drafts stay on screen). */
  async refresh(): Promise<boolean> {
    let disowned = false;
    const ok = await this.tokens.rotate(async (refreshToken) => {
      try {
        return await this.post<TokenPairDto>('/auth/refresh', { refreshToken }, { anonymous: true });
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 401) throw error;
        // Ended by its owner as not theirs (a screen that missed the socket's notice learns it here).
        disowned = error.body.code === 'SESSION_DISOWNED';
        return null;
      }
    });
    if (!ok) (disowned ? this.onDisowned : this.onExpired)();
    return ok;
  }

  /** Downloads a response as a file (export of my data). */
  async download(path: string, body: unknown, filename: string): Promise<void> {
    const response = await this.send('POST', path, body, {});
    if (!response.ok) throw await toError(response);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async request<T>(
    method: Method,
    path: string,
    body: unknown,
    options: HttpOptions = {},
  ): Promise<T> {
    let response = await this.send(method, path, body, options);
    if (response.status === 401 && !options.anonymous && this.tokens.hasRefreshToken) {
      if (await this.refresh()) response = await this.send(method, path, body, options);
    }
    if (!response.ok) throw await toError(response);
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? response.json() : response.text()) as Promise<T>;
  }

  private async send(method: Method, path: string, body: unknown, options: HttpOptions): Promise<Response> {
    // The server writes what it creates for the person (a new group's agreement, journal prompts) in the
    // language Hearth speaks to her now.
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': i18next.resolvedLanguage ?? 'en',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (!options.anonymous) {
      const token = await this.accessToken();
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    return fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  }
}

async function toError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  try {
    const body = (await response.json()) as ErrorBodyDto;
    if (typeof body?.message === 'string') return new ApiError(response.status, body, retryAfterSeconds);
  } catch {
    // Not the API's JSON (a proxy's page, say): fall through to a generic error.
  }
  return new ApiError(response.status, {
    statusCode: response.status,
    error: response.statusText,
    message: response.status >= 500 ? i18next.t('errors.server') : response.statusText,
    ...(response.status >= 500 ? { code: 'INTERNAL' } : {}),
  });
}

export const http = new Http();
