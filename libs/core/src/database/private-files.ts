import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Only the service's own user may list DATA_DIR, or read and write the files Hearth keeps there. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes the SQLite file's folder and the file itself private before SQLite opens it. SQLite creates a new
 * database 0644 (less the umask), and its -wal and -shm files with the mode of the database file, so a file
 * created 0600 here keeps every companion private from the moment it exists, whatever the process umask.
 */
export function prepareSqliteFile(file: string): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE });
  restrictFolder(folder);
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  restrictSqliteFiles(file);
}

/** The database file and whichever of its companions exist (left by an earlier version or a crash), 0600. */
export function restrictSqliteFiles(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      chmodSync(path, PRIVATE_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/**
 * An existing folder is narrowed only when this user owns it and it is not a shared folder (sticky, like
 * /tmp): DATA_DIR pointed at such a place must not lock others out of it. The files in it are 0600 either way.
 */
function restrictFolder(folder: string): void {
  const { mode, uid } = statSync(folder);
  const owned = process.getuid === undefined || uid === process.getuid();
  const shared = (mode & 0o1000) !== 0;
  if (owned && !shared && (mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(folder, PRIVATE_DIR_MODE);
}
