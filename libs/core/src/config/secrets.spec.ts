import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from './hearth-config.js';
import { generateVapidKeys, resolveSecrets } from './secrets.js';

describe('resolveSecrets', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-secrets-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates secrets on first start of the embedded default, mode 0600, and reuses them after', () => {
    const config = loadConfig({ DATA_DIR: dir });
    const first = resolveSecrets(config);
    expect(first.masterKey).toHaveLength(32);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(first.vapid.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(first.vapid.privateKey, 'base64url')).toHaveLength(32);
    for (const file of ['jwt.key', 'master.key', 'vapid.key']) {
      expect(statSync(join(dir, 'secrets', file)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(dir, 'secrets', 'jwt.key'), 'utf8').trim()).toBe(first.jwtSecret);

    const second = resolveSecrets(config);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
    expect(second.vapid).toEqual(first.vapid);
  });

  it('prefers the environment and then writes nothing', () => {
    const masterKey = Buffer.alloc(32, 1).toString('base64');
    const pair = generateVapidKeys();
    const secrets = resolveSecrets(
      loadConfig({
        DATA_DIR: dir,
        JWT_SECRET: 's'.repeat(40),
        MASTER_KEY: masterKey,
        VAPID_PUBLIC_KEY: pair.publicKey,
        VAPID_PRIVATE_KEY: pair.privateKey,
      }),
    );
    expect(secrets.jwtSecret).toBe('s'.repeat(40));
    expect(secrets.masterKey.toString('base64')).toBe(masterKey);
    expect(() => statSync(join(dir, 'secrets'))).toThrow();
  });

  it('requires secrets from the environment on PostgreSQL, where every node must share them', () => {
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://db/hearth' });
    expect(() => resolveSecrets(config)).toThrow(
      /^Invalid configuration: JWT_SECRET is required when DATABASE_URL is set/,
    );
  });

  it('requires both VAPID keys from the environment on PostgreSQL, or neither on the embedded default', () => {
    const shared = { JWT_SECRET: 's'.repeat(40), MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };
    const pair = generateVapidKeys();
    const onPostgres = { ...shared, DATA_DIR: dir, DATABASE_URL: 'postgres://db/hearth' };
    expect(() => resolveSecrets(loadConfig(onPostgres))).toThrow(
      /^Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required when DATABASE_URL is set/,
    );
    const given = resolveSecrets(
      loadConfig({ ...onPostgres, VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey }),
    );
    expect(given.vapid).toEqual(pair);
    expect(() => resolveSecrets(loadConfig({ DATA_DIR: dir, VAPID_PUBLIC_KEY: pair.publicKey }))).toThrow(
      /VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required together/,
    );
    expect(() => loadConfig({ DATA_DIR: dir, VAPID_PRIVATE_KEY: 'not a key' })).toThrow(
      /^Invalid configuration: VAPID_PRIVATE_KEY must be a base64url P-256 private key/,
    );
  });

  it('refuses a master key that is not 32 bytes', () => {
    const config = loadConfig({ DATA_DIR: dir, MASTER_KEY: Buffer.alloc(16).toString('base64') });
    expect(() => resolveSecrets(config)).toThrow(/MASTER_KEY must be exactly 32 bytes/);
  });
});
