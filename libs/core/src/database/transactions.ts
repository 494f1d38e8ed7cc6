import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs units of work in a database transaction.
 *
 * TypeORM's better-sqlite3 driver shares one connection (and one query runner) across the process, so two
 * transactions started concurrently would silently merge into one. On SQLite every transaction therefore
 * waits its turn here; SQLite admits one writer at a time anyway. On PostgreSQL each transaction gets its own
 * pooled connection and the database arbitrates.
 */
@Injectable()
export class Transactions {
  private readonly sqliteWriter = new Mutex();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /**
   * Runs work that must not overlap a transaction on SQLite's shared connection, outside any transaction (a
   * checkpoint, say). On PostgreSQL it simply runs.
   */
  alone<T>(work: () => Promise<T>): Promise<T> {
    return this.isPostgres ? work() : this.sqliteWriter.runExclusive(work);
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.isPostgres) {
      return this.dataSource.transaction(work);
    }
    return this.sqliteWriter.runExclusive(() => this.dataSource.transaction(work));
  }
}
