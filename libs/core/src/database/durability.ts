import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { GroupedSync } from './grouped-sync.js';

/**
 * What makes a commit durable before anyone is told it happened, without the event loop waiting for the disk.
 *
 * SQLite runs in WAL mode at `synchronous = NORMAL`: a commit writes its frames to the log (the page cache) and
 * returns, and the log is synced to disk only here, on libuv's thread pool, by `synced()`. Whoever reports a
 * write (an ack, an HTTP reply, the broadcast of a message) waits for it first, so what `synchronous = FULL` gave
 * still holds (an acknowledged write survives a power cut) while the sync no longer blocks the loop, and one sync
 * serves every commit made while the previous one ran (docs/decisions.md, "Durable without blocking").
 *
 * On PostgreSQL (whose commits are durable when they return) and on an in-memory database there is nothing to
 * do, and `synced()` resolves at once.
 */
@Injectable()
export class Durability implements OnApplicationShutdown {
  private readonly log: WriteAheadLog | null;
  private readonly grouped: GroupedSync | null;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const { type, database } = dataSource.options;
    const file = type === 'better-sqlite3' && typeof database === 'string' && database !== ':memory:';
    this.log = file ? new WriteAheadLog(`${database}-wal`) : null;
    this.grouped = this.log ? new GroupedSync(() => this.log!.sync()) : null;
  }

  /** Whether commits need `synced()` at all (false on PostgreSQL and in memory). */
  get needed(): boolean {
    return this.grouped !== null;
  }

  /** Resolves once every commit made before the call is on disk. */
  synced(): Promise<void> {
    return this.grouped ? this.grouped.synced() : Promise.resolve();
  }

  /** Calls to `synced()` and syncs made, since start. */
  get stats(): { calls: number; syncs: number } {
    return this.grouped ? { ...this.grouped.stats } : { calls: 0, syncs: 0 };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.log?.close();
  }
}

/**
 * The database's write-ahead log, synced through a handle of its own. The log keeps its file while the database
 * is open; should it ever be replaced (another inode at the same path), the handle is opened again, and the
 * directory is synced once per file so that the log's own entry is durable too.
 */
class WriteAheadLog {
  private handle: FileHandle | null = null;
  private inode: number | null = null;

  constructor(private readonly path: string) {}

  async sync(): Promise<void> {
    let current: number;
    try {
      current = (await stat(this.path)).ino;
    } catch (error) {
      // No log yet: nothing has been committed since the database was opened.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (this.handle === null || this.inode !== current) {
      await this.close();
      this.handle = await open(this.path, constants.O_RDONLY);
      this.inode = (await this.handle.stat()).ino;
      await syncDirectory(dirname(this.path));
    }
    await this.handle.sync();
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    this.inode = null;
    await handle?.close();
  }
}

async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, constants.O_RDONLY);
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
