import { randomUUID } from 'node:crypto';

import pg from 'pg';

import { generateVapidKeys } from '@hearth/core';

export interface PostgresTarget {
  urlFor: (database: string) => string;
  admin: <T>(work: (client: pg.Client) => Promise<T>) => Promise<T>;
  /** A new, empty database of the caller's own, named `<prefix>_<random>`; answers its name. */
  createDatabase: (prefix: string) => Promise<string>;
  /** Drops it, closing whatever connections are left. */
  dropDatabase: (name: string) => Promise<void>;
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The PostgreSQL server for tests (DATABASE_URL_TEST, or the local one), or null when none answers.
 * Where REQUIRE_POSTGRES=1 (CI), a missing server fails the run instead of skipping.
 */
export async function postgresAvailable(): Promise<PostgresTarget | null> {
  const base = new URL(process.env.DATABASE_URL_TEST ?? DEFAULT_URL);
  const urlFor = (database: string) => {
    const url = new URL(base);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: base.toString(), connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  try {
    await admin((client) => client.query('SELECT 1'));
    const createDatabase = async (prefix: string) => {
      const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      await admin((client) => client.query(`CREATE DATABASE ${name}`));
      return name;
    };
    const dropDatabase = async (name: string) => {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    };
    return { urlFor, admin, createDatabase, dropDatabase };
  } catch (error) {
    if (process.env.REQUIRE_POSTGRES === '1') {
      throw new Error(
        `REQUIRE_POSTGRES=1 but PostgreSQL at ${base.host} is unreachable: ${(error as Error).message}`,
      );
    }
    console.warn(`Skipping PostgreSQL tests: no server at ${base.host} (${(error as Error).message})`);
    return null;
  }
}

/** The Web Push key pair every node of a test's PostgreSQL deployment shares (required with DATABASE_URL). */
const vapid = generateVapidKeys();
export const SHARED_VAPID_KEYS = { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey };

/** The settings of a Hearth deployed on one of the test's PostgreSQL databases (secrets it would require). */
export function postgresEnv(target: PostgresTarget, database: string): Record<string, string> {
  return {
    DATABASE_URL: target.urlFor(database),
    JWT_SECRET: 'x'.repeat(40),
    MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    ...SHARED_VAPID_KEYS,
  };
}
