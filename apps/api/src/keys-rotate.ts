import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions, loadConfig, resolveSecrets, type HearthConfig } from '@hearth/core';
import { groupsEntities, rewrapGroupKeys } from '@hearth/groups';
import { identityEntities } from '@hearth/identity';
import { JournalKey, rewrapAll } from '@hearth/journal';

/**
 * Re-wraps every journal data key and every group key under a new master key, in one transaction. Entries and
 * sealed conversations are not touched: their data keys do not change. With the embedded default (no MASTER_KEY in the environment) the new key replaces
 * DATA_DIR/secrets/master.key; otherwise give it as NEW_MASTER_KEY and set MASTER_KEY to it afterwards.
 */
export async function rotateMasterKey(
  config: HearthConfig,
  newKey: Buffer,
): Promise<{ journalKeys: number; groupKeys: number }> {
  const oldKey = resolveSecrets(config).masterKey;
  const dataSource = new DataSource(
    buildDataSourceOptions(config.database, [...identityEntities, ...groupsEntities, JournalKey]),
  );
  await dataSource.initialize();
  try {
    const now = new Date();
    const count = await dataSource.transaction(async (manager) => ({
      journalKeys: await rewrapAll(manager, oldKey, newKey, now),
      groupKeys: await rewrapGroupKeys(manager, oldKey, newKey, now),
    }));
    const file = join(config.dataDir, 'secrets', 'master.key');
    if (!config.secrets.masterKey && existsSync(file)) {
      writeFileSync(`${file}.new`, `${newKey.toString('base64')}\n`, { mode: 0o600 });
      renameSync(`${file}.new`, file);
    }
    return count;
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const given = process.env.NEW_MASTER_KEY;
  if (config.secrets.masterKey && !given) {
    throw new Error(
      'MASTER_KEY comes from the environment: give the new key as NEW_MASTER_KEY (openssl rand -base64 32)',
    );
  }
  const newKey = given ? Buffer.from(given, 'base64') : randomBytes(32);
  if (newKey.length !== 32) throw new Error('NEW_MASTER_KEY must be 32 bytes, base64-encoded');
  const { journalKeys, groupKeys } = await rotateMasterKey(config, newKey);
  console.error(
    `Re-wrapped ${journalKeys} journal keys and ${groupKeys} group keys.${given ? ' Now set MASTER_KEY to the new key and restart.' : ''}`,
  );
}

if (process.argv[1]?.endsWith('keys-rotate.ts')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
