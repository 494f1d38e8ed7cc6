import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ConfigurationError, type HearthConfig } from './hearth-config.js';

export interface Secrets {
  jwtSecret: string;
  /** 32 bytes; wraps each user's journal data key. Never stored in the database. */
  masterKey: Buffer;
  /** The Web Push (VAPID) key pair, base64url: the public key is a 65-byte P-256 point, the private key 32 bytes. */
  vapid: { publicKey: string; privateKey: string };
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
  return { jwtSecret, masterKey, vapid: resolveVapid(config, embedded, dir) };
}

function resolveVapid(config: HearthConfig, embedded: boolean, dir: string): Secrets['vapid'] {
  const { vapidPublicKey, vapidPrivateKey } = config.secrets;
  if (vapidPublicKey && vapidPrivateKey) return { publicKey: vapidPublicKey, privateKey: vapidPrivateKey };
  if (vapidPublicKey || vapidPrivateKey || !embedded) {
    throw new ConfigurationError(
      `Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required ${
        embedded ? 'together' : 'when DATABASE_URL is set (every node must share them)'
      } (npx web-push generate-vapid-keys)`,
    );
  }
  const [publicKey, privateKey] = readOrCreate(dir, 'vapid.key', () => {
    const pair = generateVapidKeys();
    return `${pair.publicKey} ${pair.privateKey}`;
  }).split(' ');
  return { publicKey, privateKey };
}

/** A new P-256 key pair in the form Web Push uses (the public key as an uncompressed point). */
export function generateVapidKeys(): Secrets['vapid'] {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x as string, 'base64url'),
    Buffer.from(jwk.y as string, 'base64url'),
  ]);
  return {
    publicKey: point.toString('base64url'),
    privateKey: privateKey.export({ format: 'jwk' }).d as string,
  };
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
