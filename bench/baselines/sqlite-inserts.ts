import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';

/**
 * The storage limit: raw better-sqlite3 inserts into a copy of Hearth's own `messages` table (same columns,
 * indexes and foreign keys, WAL as Hearth runs it), one row per transaction or 100, at synchronous NORMAL and
 * FULL. Run as its own process: `node --import tsx bench/baselines/sqlite-inserts.ts <template.db> <groupId> <ms>`.
 * Prints one JSON line of results.
 */
const [template, groupId, durationText] = process.argv.slice(2);
const durationMs = Number(durationText);
const body = 'Thinking about what came up on Tuesday, and what I want to bring next time. bench|0|0';

function measure(synchronous: 'NORMAL' | 'FULL', perTransaction: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-sqlite-baseline-'));
  const file = join(dir, 'hearth.db');
  copyFileSync(template, file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  const insert = db.prepare(
    `INSERT INTO messages (id, group_id, seq, status, author_membership_id, author_user_id, client_id, kind, body,
       reply_to_id, created_at, edited_at, deleted_at, removed_at, removed_by)
     VALUES (?, ?, ?, 'visible', NULL, NULL, ?, 'text', ?, NULL, ?, NULL, NULL, NULL, NULL)`,
  );
  let seq = 0;
  const one = () => {
    seq += 1;
    insert.run(
      randomUUID(),
      groupId,
      seq,
      randomUUID(),
      body,
      new Date().toISOString().replace('T', ' ').slice(0, 23),
    );
  };
  const many = db.transaction((count: number) => {
    for (let i = 0; i < count; i += 1) one();
  });
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    if (perTransaction === 1) one();
    else many(perTransaction);
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { synchronous, perTransaction, rows: seq, rowsPerSecond: Math.round(seq / seconds) };
}

const results = [measure('NORMAL', 1), measure('FULL', 1), measure('NORMAL', 100), measure('FULL', 100)];
process.stdout.write(`${JSON.stringify(results)}\n`);
