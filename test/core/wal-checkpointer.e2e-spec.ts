import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { BACKSTOP_AUTOCHECKPOINT_PAGES, WalCheckpointer, type CheckpointStats } from '@hearth/core';

import { createTestApp, type TestApp } from '../support/app.js';

/**
 * The write-ahead log is checkpointed by a worker thread with its own connection, not inside the commit that
 * happens to cross SQLite's limit on the event loop (issue 19's stall). The log still stays bounded, and the
 * thread stops with the application.
 */
describe('WAL checkpoints on a worker thread', () => {
  let t: TestApp;
  const checkpointer = () => t.app.get(WalCheckpointer);
  /** The write-ahead log header's salts, which change each time the log starts over. */
  const walSalts = () =>
    readFileSync(join(t.config.dataDir, 'hearth.db-wal')).subarray(16, 24).toString('hex');
  const autocheckpoint = async () =>
    Number(
      (
        (await t.app.get(DataSource).query('PRAGMA wal_autocheckpoint')) as { wal_autocheckpoint: number }[]
      )[0].wal_autocheckpoint,
    );

  /** Waits until the thread reports a pass that `done` accepts. */
  async function until(done: (stats: CheckpointStats) => boolean): Promise<CheckpointStats> {
    for (let tries = 0; tries < 200; tries++) {
      const stats = checkpointer().snapshot();
      if (done(stats)) return stats;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`the checkpointer never got there: ${JSON.stringify(checkpointer().snapshot())}`);
  }

  /** A thousand pages' worth of writes in many small commits, as chat traffic makes them. */
  async function write(rounds: number): Promise<void> {
    const db = t.app.get(DataSource);
    for (let i = 0; i < rounds; i++) {
      await db.query('INSERT INTO scratch (body) VALUES (?)', ['x'.repeat(3000)]);
    }
  }

  describe('on (SQLITE_CHECKPOINT_MS)', () => {
    beforeAll(async () => {
      t = await createTestApp({ env: { SQLITE_CHECKPOINT_MS: '40' } });
      await t.app.get(DataSource).query('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT)');
    });
    afterAll(() => t.close());

    it('runs on its own thread and leaves the commits only a far-off backstop', async () => {
      await until((stats) => stats.running && stats.passes > 0);
      expect(await autocheckpoint()).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
    });

    it('copies the log into the database while writes go on, so the log starts over instead of growing', async () => {
      // Each write is a commit of a few pages: 1,500 commits, several times SQLite's default limit of 1,000 pages.
      await write(1500);
      const copied = await until(
        (stats) => stats.last !== null && stats.last.log > 0 && stats.last.checkpointed === stats.last.log,
      );
      expect(copied.last!.busy).toBe(false);
      // Once everything was copied, the next commit writes at the start of the log again: the log's header gets
      // new salts. (A pass running at that very moment defers it to the next commit after the next pass.)
      let restarted = false;
      for (let tries = 0; tries < 20 && !restarted; tries++) {
        const passes = checkpointer().snapshot().passes;
        await until((stats) => stats.passes > passes && stats.last!.checkpointed === stats.last!.log);
        const salts = walSalts();
        await write(1);
        restarted = walSalts() !== salts;
      }
      expect(restarted).toBe(true);
      const passes = checkpointer().snapshot().passes;
      const after = await until((stats) => stats.passes > passes);
      expect(after.last!.log).toBeLessThan(10);
    });
  });

  describe('off (SQLITE_CHECKPOINT_MS=0)', () => {
    beforeAll(async () => {
      t = await createTestApp({ env: { SQLITE_CHECKPOINT_MS: '0' } });
    });
    afterAll(() => t.close());

    it("starts no thread and keeps SQLite's own limit", async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(checkpointer().snapshot()).toMatchObject({ running: false, passes: 0 });
      expect(await autocheckpoint()).toBe(1000);
    });
  });

  it('stops with the application', async () => {
    t = await createTestApp({ env: { SQLITE_CHECKPOINT_MS: '40' } });
    const thread = t.app.get(WalCheckpointer);
    await until((stats) => stats.running && stats.passes > 0);
    await t.close();
    expect(thread.snapshot().running).toBe(false);
  });
});
