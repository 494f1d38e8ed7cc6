import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ConfigurationError, type HearthConfig } from './hearth-config.js';

export interface Secrets {
  jwtSecret: string;
  /** 32 bytes; wraps each user's journal data key. Never stored in the database. */
  masterKey: Buffer;
}

/**
 * Secrets come from the environment. On the embedded (SQLite) default they may instead be generated on first
 * start and kept in DATA_DIR/secrets with mode 0600. With PostgreSQL every node must share them, so they are
 * required from the environment there.
 */
export function resolveSecrets(config: HearthConfig): Secrets {
  const embedded = config.database.type === 'sqlite';
  const dir = join(config.dataDir, 'secrets');
  const jwtSecret =
    config.secrets.jwtSecret ??
    (embedded ? readOrCreate(dir, 'jwt.key', () => randomBytes(48).toString('base64url')) : undefined);
  const masterKeyText =
    config.secrets.masterKey ??
    (embedded ? readOrCreate(dir, 'master.key', () => randomBytes(32).toString('base64')) : undefined);
  if (!jwtSecret) {
    throw new ConfigurationError(
      'Invalid configuration: JWT_SECRET is required when DATABASE_URL is set (every node must share it)',
    );
  }
  if (!masterKeyText) {
    throw new ConfigurationError(
      'Invalid configuration: MASTER_KEY is required when DATABASE_URL is set (every node must share it)',
    );
  }
  const masterKey = Buffer.from(masterKeyText, 'base64');
  if (masterKey.length !== 32) {
    throw new ConfigurationError(
      'Invalid configuration: MASTER_KEY must be exactly 32 bytes, base64-encoded (openssl rand -base64 32)',
    );
  }
  return { jwtSecret, masterKey };
}

function readOrCreate(dir: string, name: string, generate: () => string): string {
  const file = join(dir, name);
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const value = generate();
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return value;
}
