import pg from 'pg';

export interface PostgresTarget {
  urlFor: (database: string) => string;
  admin: <T>(work: (client: pg.Client) => Promise<T>) => Promise<T>;
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
    return { urlFor, admin };
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
