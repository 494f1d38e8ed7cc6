import 'reflect-metadata';

import { Transform } from 'class-transformer';
import {
  IsBase64,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase()) : value;

/**
 * The process environment as Hearth reads it. Every variable is listed in the README's configuration table;
 * keep the two in step.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '0.0.0.0';

  @IsString()
  @MinLength(1)
  DATA_DIR: string = './data';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: '$property must be a postgres://user@host:port/database URL' })
  DATABASE_URL?: string;

  @IsInt()
  @Min(100)
  @Max(60000)
  SQLITE_BUSY_TIMEOUT_MS: number = 5000;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: '$property must be a redis://host:port URL' })
  REDIS_URL?: string;

  /** Prefix of this deployment's Redis channels, so that several deployments can share one Redis. */
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, {
    message: '$property must be 1-64 letters, digits, dots, dashes or underscores',
  })
  REDIS_PREFIX: string = 'hearth';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: '$property must be at least 32 characters of random text' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsBase64(undefined, {
    message: '$property must be 32 random bytes, base64-encoded (openssl rand -base64 32)',
  })
  MASTER_KEY?: string;

  /** The Web Push (VAPID) key pair: the public key as an uncompressed P-256 point, the private key, base64url. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{86,88}$/, { message: '$property must be a base64url P-256 public key (65 bytes)' })
  VAPID_PUBLIC_KEY?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{42,44}$/, {
    message: '$property must be a base64url P-256 private key (32 bytes)',
  })
  VAPID_PRIVATE_KEY?: string;

  /** Who push services may contact about this deployment: a mailto: or https: address. */
  @IsOptional()
  @Matches(/^(mailto:\S+@\S+|https:\/\/\S+)$/, { message: '$property must be a mailto: or https: address' })
  VAPID_SUBJECT?: string;

  /**
   * The push services Hearth will send to (a leading dot: any host under it). A subscription to any other host is
   * refused, so that nobody can make the server send requests to an address of their choosing.
   */
  @Matches(/^\s*\.?[A-Za-z0-9.-]+(:\d+)?(\s*,\s*\.?[A-Za-z0-9.-]+(:\d+)?)*\s*$/, {
    message:
      '$property must be a comma-separated list of host names (a leading dot allows every host under it)',
  })
  PUSH_SERVICE_HOSTS: string =
    'fcm.googleapis.com,.push.apple.com,.push.services.mozilla.com,.notify.windows.com';

  @IsInt()
  @Min(60)
  @Max(86400)
  ACCESS_TOKEN_TTL: number = 900;

  @IsInt()
  @Min(300)
  @Max(31536000)
  REFRESH_TOKEN_TTL: number = 2592000;

  @IsInt()
  @Min(0)
  @Max(300)
  REFRESH_REUSE_GRACE: number = 30;

  @IsIn(['open', 'invite'])
  REGISTRATION: 'open' | 'invite' = 'open';

  @IsString()
  CORS_ORIGINS: string = 'http://localhost:3000,http://localhost:5173';

  @Matches(/^\d+(b|kb|mb)$/i, { message: '$property must be a size such as 100kb or 1mb' })
  BODY_LIMIT: string = '100kb';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsInt()
  @Min(1)
  THROTTLE_TTL: number = 60;

  @IsInt()
  @Min(1)
  THROTTLE_LIMIT: number = 300;

  @IsInt()
  @Min(1)
  AUTH_THROTTLE_LIMIT: number = 30;

  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY: boolean = false;

  @Transform(toBoolean)
  @IsBoolean()
  API_DOCS: boolean = true;

  /** The built web client, served at `/` when its index.html exists. */
  @IsString()
  WEB_ROOT: string = 'dist/web';

  @IsInt()
  @Min(1)
  @Max(100)
  CHAT_MAX_CONNECTIONS_PER_USER: number = 10;

  @IsInt()
  @Min(1)
  CHAT_RATE_LIMIT: number = 20;

  @IsInt()
  @Min(1)
  CHAT_RATE_WINDOW: number = 10;

  @IsInt()
  @Min(50)
  @Max(600000)
  CHAT_SESSION_SWEEP_MS: number = 30000;

  /** Socket handshakes per address and THROTTLE_TTL window that do not authenticate on /chat. */
  @IsInt()
  @Min(1)
  CHAT_ANONYMOUS_HANDSHAKES: number = 100;

  /** How long a new socket connection may take to authenticate on /chat before it is closed. */
  @IsInt()
  @Min(100)
  @Max(60000)
  CHAT_CONNECT_TIMEOUT_MS: number = 10000;

  /** RATE_LIMITED answers a connection may get in a minute before it is closed (it keeps sending regardless). */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  CHAT_REFUSALS_BEFORE_CLOSING: number = 60;

  @IsInt()
  @Min(1)
  @Max(1440)
  CRISIS_ESCALATION_MINUTES: number = 10;

  /** Minutes before an unacknowledged `concern` incident (passive ideation, intrusive thoughts) reaches admins. */
  @IsInt()
  @Min(1)
  @Max(10080)
  CRISIS_CONCERN_ESCALATION_MINUTES: number = 60;

  /**
   * Minutes between repeats of a crisis alert to the group's facilitators until one acknowledges it. Fractions are
   * allowed (the cluster test pages every few seconds).
   */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.05)
  @Max(1440)
  CRISIS_REPEAT_MINUTES: number = 5;

  @IsIn(['required', 'optional'])
  STAFF_2FA: 'required' | 'optional' = 'required';

  @IsOptional()
  @Matches(/^https?:\/\/[^/\s?#]+\/?$/i, {
    message: '$property must be an origin such as https://hearth.example.org (no path)',
  })
  PUBLIC_URL?: string;

  /** Where email goes out: smtp://user:password@host:587 or smtps://…:465. Unset: no email. */
  @IsOptional()
  @Matches(/^smtps?:\/\/(?:[^\s/@]+@)?[A-Za-z0-9.[\]:-]+(?::\d{1,5})?\/?(?:\?\S*)?$/i, {
    message:
      '$property must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.org:465',
  })
  SMTP_URL?: string;

  /** The sender of Hearth's email; by default `Hearth <no-reply@PUBLIC_URL's host>`. */
  @IsOptional()
  @IsString()
  @MaxLength(320)
  MAIL_FROM?: string;

  @IsIn(['tombstone', 'delete'])
  ERASURE_MESSAGES: 'tombstone' | 'delete' = 'tombstone';

  /** Days an access-log entry (who saw whose identity, reflection, incident; exports, erasures) is kept. */
  @IsInt()
  @Min(1)
  @Max(36500)
  ACCESS_LOG_RETENTION_DAYS: number = 730;

  /** Days a sign-in is kept in its owner's history after it ended. */
  @IsInt()
  @Min(1)
  @Max(36500)
  SIGN_IN_RETENTION_DAYS: number = 180;
}
