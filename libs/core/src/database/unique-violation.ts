import { QueryFailedError } from 'typeorm';

/**
 * Whether an error is a unique-key violation on the given table, on either SQLite or PostgreSQL.
 * Used where the database, not a prior read, decides who wins a race.
 */
export function isUniqueViolation(error: unknown, table: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; table?: string; message?: string } | undefined;
  if (driverError?.code === '23505') {
    return driverError.table === table;
  }
  const message = driverError?.message ?? error.message;
  return /UNIQUE constraint failed|PRIMARY KEY/i.test(message) && message.includes(` ${table}.`);
}
