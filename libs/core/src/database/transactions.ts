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

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.isPostgres) {
      return this.dataSource.transaction(work);
    }
    return this.sqliteWriter.runExclusive(() => this.dataSource.transaction(work));
  }
}
