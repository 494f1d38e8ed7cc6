import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

import { Environment } from './environment.js';

export type DatabaseConfig =
  { type: 'sqlite'; file: string; busyTimeoutMs: number } | { type: 'postgres'; url: string };

export interface HearthConfig {
  env: Environment['NODE_ENV'];
  http: {
    port: number;
    host: string;
    corsOrigins: string[];
    bodyLimit: string;
    trustProxy: boolean;
    apiDocs: boolean;
    /** The built web client's folder, or null when it has not been built. */
    webRoot: string | null;
  };
  dataDir: string;
  database: DatabaseConfig;
  /** With Redis, socket.io rooms span every node. */
  redisUrl: string | null;
  /** Prefix of this deployment's Redis channels. */
  redisPrefix: string;
  secrets: { jwtSecret?: string; masterKey?: string; vapidPublicKey?: string; vapidPrivateKey?: string };
  push: {
    /** Who push services may contact about this deployment (VAPID `sub`). */
    vapidSubject: string;
    /** Hosts of the push services subscriptions may point to; a leading dot allows every host under it. */
    serviceHosts: string[];
  };
  auth: {
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    /** How long a spent refresh token may be presented again for the same answer (a lost response); 0: never. */
    refreshReuseGraceSeconds: number;
    registration: 'open' | 'invite';
    /** Whether admins and facilitators must use a second factor before their staff powers apply. */
    staffSecondFactor: 'required' | 'optional';
  };
  /**
   * The origin people open Hearth at. Passkeys are bound to its host name (the WebAuthn relying party), and
   * only a passkey ceremony from this origin (or a CORS origin on the same host) is accepted.
   */
  publicUrl: string;
  /** Outgoing email: null `smtpUrl` means the instance sends none. */
  mail: { smtpUrl: string | null; from: string };
  throttle: { ttlSeconds: number; limit: number; authLimit: number };
  chat: {
    maxConnectionsPerUser: number;
    /** Messages a person may send per window. */
    rateLimit: number;
    rateWindowSeconds: number;
    /** How often sockets whose access token expired are disconnected. */
    sessionSweepMs: number;
    /** Handshakes per address and throttle window that may go without authenticating; see SocketSessions. */
    anonymousHandshakes: number;
    /** A connection that has not authenticated on /chat this long after opening is closed. */
    connectTimeoutMs: number;
    /** RATE_LIMITED answers a connection may get per minute before it is closed. */
    refusalsBeforeClosing: number;
  };
  safety: {
    /** An unacknowledged crisis incident goes to every admin after this many minutes. */
    escalationMinutes: number;
    /** The same for a `concern` incident (passive ideation, burden, frightening intrusive thoughts). */
    concernEscalationMinutes: number;
    /** An unacknowledged crisis alert is sent to the facilitators again after this many minutes. */
    repeatMinutes: number;
  };
  /** What happens to an erased person's chat messages: tombstones in the timeline, or deleted rows. */
  erasure: { messages: 'tombstone' | 'delete' };
  /** How long the access log and the sign-in history are kept, in days (pruned daily). */
  retention: { accessLogDays: number; signInDays: number };
  logLevel: Environment['LOG_LEVEL'];
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Reads and validates the environment. Throws a ConfigurationError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): HearthConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = plainToInstance(Environment, present, {
    enableImplicitConversion: true,
    excludeExtraneousValues: false,
  });
  const errors = validateSync(parsed, { whitelist: true });
  if (errors.length > 0) {
    throw new ConfigurationError(describe(errors[0], present));
  }
  return toConfig(parsed);
}

function describe(error: ValidationError, raw: Record<string, unknown>): string {
  const expected = Object.values(error.constraints ?? {})
    .map((text) => text.replace(`${error.property} `, ''))
    .join(', ');
  const shown = /SECRET|KEY|SMTP_URL/.test(error.property) ? '(hidden)' : JSON.stringify(raw[error.property]);
  return `Invalid configuration: ${error.property} ${expected} (got ${shown})`;
}

function toConfig(e: Environment): HearthConfig {
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      corsOrigins: e.CORS_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      bodyLimit: e.BODY_LIMIT.toLowerCase(),
      trustProxy: e.TRUST_PROXY,
      apiDocs: e.API_DOCS,
      webRoot: existsSync(resolve(e.WEB_ROOT, 'index.html')) ? resolve(e.WEB_ROOT) : null,
    },
    dataDir,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    database: e.DATABASE_URL
      ? { type: 'postgres', url: e.DATABASE_URL }
      : { type: 'sqlite', file: resolve(dataDir, 'hearth.db'), busyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS },
    secrets: {
      jwtSecret: e.JWT_SECRET,
      masterKey: e.MASTER_KEY,
      vapidPublicKey: e.VAPID_PUBLIC_KEY,
      vapidPrivateKey: e.VAPID_PRIVATE_KEY,
    },
    push: {
      vapidSubject: e.VAPID_SUBJECT ?? vapidSubjectOf(publicUrl),
      serviceHosts: e.PUSH_SERVICE_HOSTS.split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    },
    auth: {
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL,
      refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL,
      refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE,
      registration: e.REGISTRATION,
      staffSecondFactor: e.STAFF_2FA,
    },
    publicUrl,
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM ?? `Hearth <no-reply@${new URL(publicUrl).hostname}>`,
    },
    throttle: { ttlSeconds: e.THROTTLE_TTL, limit: e.THROTTLE_LIMIT, authLimit: e.AUTH_THROTTLE_LIMIT },
    chat: {
      maxConnectionsPerUser: e.CHAT_MAX_CONNECTIONS_PER_USER,
      rateLimit: e.CHAT_RATE_LIMIT,
      rateWindowSeconds: e.CHAT_RATE_WINDOW,
      sessionSweepMs: e.CHAT_SESSION_SWEEP_MS,
      anonymousHandshakes: e.CHAT_ANONYMOUS_HANDSHAKES,
      connectTimeoutMs: e.CHAT_CONNECT_TIMEOUT_MS,
      refusalsBeforeClosing: e.CHAT_REFUSALS_BEFORE_CLOSING,
    },
    safety: {
      escalationMinutes: e.CRISIS_ESCALATION_MINUTES,
      concernEscalationMinutes: e.CRISIS_CONCERN_ESCALATION_MINUTES,
      repeatMinutes: e.CRISIS_REPEAT_MINUTES,
    },
    erasure: { messages: e.ERASURE_MESSAGES },
    retention: { accessLogDays: e.ACCESS_LOG_RETENTION_DAYS, signInDays: e.SIGN_IN_RETENTION_DAYS },
    logLevel: e.LOG_LEVEL,
  };
}

/** Push services want a way to reach the operator: the public https address, else a mailbox at its host. */
function vapidSubjectOf(publicUrl: string): string {
  const url = new URL(publicUrl);
  return url.protocol === 'https:' ? url.origin : `mailto:hearth@${url.hostname}`;
}
