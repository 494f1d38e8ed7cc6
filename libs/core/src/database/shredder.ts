import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Transactions } from './transactions.js';

/**
 * Makes what was deleted unrecoverable from the database files, not only unreachable through the database.
 *
 * On SQLite, `secure_delete` (set on every connection) zeroes deleted content in the pages it frees, but the
 * write-ahead log still holds earlier images of those pages until a checkpoint; `shred()` checkpoints the log
 * into the database file and truncates it, so a copy of the files holds nothing of what was deleted. It is called
 * after an erasure, a deletion and a retention purge have committed.
 *
 * On PostgreSQL deleted rows stay in the table files until VACUUM reuses their space, and in WAL archives and
 * backups until those expire: docs/security.md says what that means and what to do.
 */
@Injectable()
export class Shredder {
  private readonly logger = new Logger(Shredder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async shred(): Promise<void> {
    if (this.transactions.isPostgres) return;
    const [result] = await this.transactions.alone(
      () => this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)') as Promise<{ busy: number }[]>,
    );
    // Busy only while another process (a backup) reads the database; the next shred, or SQLite's own
    // checkpoints, complete it.
    if (result?.busy)
      this.logger.warn('Checkpoint after a deletion was blocked by a reader; it will complete later');
  }
}
