import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { HearthConfig } from '../config/hearth-config.js';

/**
 * The write-ahead log's own limit on the application's connection while the checkpointer runs: a backstop only,
 * far above what a second of the busiest traffic writes, so that the log stays bounded if the thread stops.
 */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 20_000;
/** How soon a pass that could not copy everything (writes went on meanwhile) is followed by another. */
const CATCH_UP_MS = 5;
/** SQLite's default, restored when the checkpointer cannot run. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/** One pass of the checkpointer, as the thread reports it. */
export interface CheckpointPass {
  /** How long the checkpoint took, in the thread (the event loop does not wait for it). */
  ms: number;
  /** Frames in the log, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
  busy: boolean;
}

export interface CheckpointStats {
  running: boolean;
  passes: number;
  longestMs: number;
  last: CheckpointPass | null;
}

/**
 * Runs SQLite's write-ahead-log checkpoints on a worker thread with its own connection, on a timer, instead of
 * inside whichever commit crosses SQLite's autocheckpoint limit on the event loop.
 *
 * A checkpoint copies the log's pages into the database file and syncs it (`synchronous = FULL`); on the
 * application's one connection that stalls every request and socket for as long as it takes, every few
 * seconds under load (docs/PERFORMANCE.md, issue 19). A PASSIVE checkpoint from another connection does the
 * same work without blocking the writer: it copies what it can, never waits, and the writer starts the log
 * from the beginning again at its next commit once everything is copied. The application's connection keeps a
 * high autocheckpoint limit as a backstop; if the thread fails, SQLite's default is restored.
 *
 * Only for a database file (`SQLITE_CHECKPOINT_MS` > 0); PostgreSQL and `:memory:` have nothing to do here.
 */
@Injectable()
export class WalCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WalCheckpointer.name);
  private worker: Worker | null = null;
  private readonly stats: CheckpointStats = { running: false, passes: 0, longestMs: 0, last: null };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ConfigService) private readonly config: ConfigService<HearthConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const database = this.config.get('database', { infer: true });
    if (database.type !== 'sqlite' || database.file === ':memory:' || !database.checkpointMs) return;
    this.start(database.file, database.checkpointMs, database.busyTimeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    const timeout = setTimeout(() => void worker.terminate(), 5_000);
    await exited;
    clearTimeout(timeout);
    this.stats.running = false;
  }

  /** What the thread has done so far (the benchmark and the tests read it). */
  snapshot(): CheckpointStats {
    return { ...this.stats };
  }

  private start(file: string, everyMs: number, busyTimeoutMs: number): void {
    const driver = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
    const worker = new Worker(CHECKPOINT_THREAD, {
      eval: true,
      workerData: { driver, file, everyMs, busyTimeoutMs, catchUpMs: CATCH_UP_MS },
      name: 'hearth-wal-checkpoint',
    });
    worker.unref();
    worker.on('message', (pass: CheckpointPass) => {
      this.stats.passes++;
      this.stats.last = pass;
      this.stats.longestMs = Math.max(this.stats.longestMs, pass.ms);
    });
    worker.on('online', () => {
      this.stats.running = true;
      this.setAutocheckpoint(BACKSTOP_AUTOCHECKPOINT_PAGES);
    });
    worker.on('error', (error: Error) => {
      this.logger.warn(
        { err: { message: error.message } },
        'Checkpoint thread failed; SQLite checkpoints on the application connection again',
      );
    });
    worker.on('exit', () => {
      this.stats.running = false;
      // Stopped on purpose at shutdown (the connection may be closing), or failed: the log must stay bounded.
      if (this.worker === worker) {
        this.worker = null;
        this.setAutocheckpoint(DEFAULT_AUTOCHECKPOINT_PAGES);
      }
    });
    this.worker = worker;
  }

  private setAutocheckpoint(pages: number): void {
    if (!this.dataSource.isInitialized) return;
    void this.dataSource
      .query(`PRAGMA wal_autocheckpoint = ${pages}`)
      .catch((error: Error) =>
        this.logger.warn({ err: { message: error.message } }, 'Could not set the autocheckpoint limit'),
      );
  }
}

/**
 * The thread: its own connection to the same file, a PASSIVE checkpoint every `everyMs` (sooner while it is
 * catching up), each pass reported.
 * It is evaluated code (bundled builds have no separate file to start), loading the driver by its resolved URL.
 */
const CHECKPOINT_THREAD = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const { performance } = await import('node:perf_hooks');
  const { default: Database } = await import(workerData.driver);
  const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
  db.pragma('synchronous = FULL');
  let stopping = false;
  let timer;
  // A pass that could not copy everything (commits went on meanwhile) is followed at once by another: each
  // copies only what came during the last, until one finishes with nothing new and the writer can start the
  // log over at its next commit. Otherwise under steady writes the log would only ever grow.
  const pass = () => {
    if (stopping) return;
    const started = performance.now();
    let result;
    try {
      [result] = db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // Another checkpoint holds the lock (a shred's TRUNCATE): the next pass does this one's work.
      if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
      result = { busy: 1, log: -1, checkpointed: -1 };
    }
    parentPort.postMessage({
      ms: performance.now() - started,
      log: result.log,
      checkpointed: result.checkpointed,
      busy: result.busy === 1,
    });
    const behind = result.busy === 0 && result.checkpointed < result.log;
    timer = setTimeout(pass, behind ? Math.min(workerData.everyMs, workerData.catchUpMs) : workerData.everyMs);
  };
  timer = setTimeout(pass, workerData.everyMs);
  parentPort.on('message', (message) => {
    if (message !== 'stop') return;
    stopping = true;
    clearTimeout(timer);
    db.close();
    parentPort.close();
  });
})();
`;
