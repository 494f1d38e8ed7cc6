import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';

import { insertRows, rawRows, Transactions, coded } from '@hearth/core';

import { ChatError } from '../chat-error.js';
import { ensureRoomRow } from '../rooms/room-row.js';
import { MessageSealing } from './message-sealing.js';
import { Message } from './message.entity.js';

/** A message ready to store; a visible one gets its seq when it is written. */
export type NewMessage = Omit<Message, 'seq' | 'group'>;

/** A stored message, with the membership of the author of the message it answers (for the posted event). */
export interface StoredMessage {
  message: Message;
  replyToMembershipId: string | null;
}

interface PendingWrite {
  message: NewMessage;
  resolve: (stored: StoredMessage) => void;
  reject: (error: unknown) => void;
}

/** Rows per INSERT stay far below SQLite's and PostgreSQL's bound-parameter limits. */
const MAX_BATCH = 256;

/**
 * Group commit: messages that arrive while a write is in progress are written together in the next
 * transaction, so one disk sync serves many messages and `synchronous = FULL` does not cap throughput.
 *
 * - A lone message is written at once (the next turn of the event loop); batching only adds messages that
 *   would otherwise have waited for the writer anyway.
 * - Each caller's promise settles only after the transaction holding its message has committed.
 * - Seqs are given in arrival order, per group, from the room row inside the transaction: the row lock makes
 *   them gap-free across nodes on PostgreSQL; SQLite has a single writer.
 * - If a batch fails (a clientId stored meanwhile by another node, say), its messages are written one by
 *   one, so one failure never sinks the others.
 */
@Injectable()
export class MessageWriter {
  private readonly queue: PendingWrite[] = [];
  private draining = false;
  /** Batches written and messages in them, since start (tests read these). */
  readonly stats = { batches: 0, messages: 0 };

  constructor(
    private readonly transactions: Transactions,
    private readonly sealing: MessageSealing,
  ) {}

  write(message: NewMessage): Promise<StoredMessage> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.flush(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.draining = false;
    }
  }

  private async flush(batch: PendingWrite[]): Promise<void> {
    let results: (StoredMessage | ChatError)[];
    try {
      // Keys are taken before the transaction, from the cache (docs/decisions.md, per-group keys).
      const keys = new Map<string, Buffer>();
      for (const { message } of batch) {
        if (!keys.has(message.groupId)) keys.set(message.groupId, await this.sealing.keyOf(message.groupId));
      }
      results = await this.transactions.run((manager) => this.insertAll(manager, batch, keys));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const pending of batch) await this.flush([pending]);
      return;
    }
    this.stats.batches += 1;
    this.stats.messages += batch.length;
    batch.forEach((pending, i) => {
      const result = results[i];
      if (result instanceof ChatError) pending.reject(result);
      else pending.resolve(result);
    });
  }

  private async insertAll(
    manager: EntityManager,
    batch: PendingWrite[],
    keys: Map<string, Buffer>,
  ): Promise<(StoredMessage | ChatError)[]> {
    const parents = await this.parentsOf(
      manager,
      batch.map((pending) => pending.message.replyToId),
    );
    const results = batch.map(({ message }): StoredMessage | ChatError => {
      const parent = message.replyToId ? parents.get(message.replyToId) : null;
      if (parent !== null && parent?.groupId !== message.groupId)
        return new ChatError('NOT_FOUND', coded('MESSAGE_NOT_FOUND', 'Message not found'));
      return {
        message: Object.assign(new Message(), message, { seq: null }),
        replyToMembershipId: parent?.authorMembershipId ?? null,
      };
    });
    const stored = results
      .filter((result): result is StoredMessage => !(result instanceof ChatError))
      .map((result) => result.message);
    const visibleByGroup = new Map<string, Message[]>();
    for (const message of stored) {
      if (message.status !== 'visible') continue;
      visibleByGroup.set(message.groupId, [...(visibleByGroup.get(message.groupId) ?? []), message]);
    }
    const lastSeqs = await reserveSeqsOfGroups(
      manager,
      new Map([...visibleByGroup].map(([groupId, messages]) => [groupId, messages.length])),
    );
    for (const [groupId, messages] of visibleByGroup) {
      const last = lastSeqs.get(groupId)!;
      messages.forEach((message, i) => (message.seq = last - messages.length + 1 + i));
    }
    const sealed = stored.map((message) => ({
      ...message,
      body: this.sealing.sealBody(keys.get(message.groupId)!, message),
    }));
    await insertRows(manager, Message, sealed);
    return results;
  }

  /** The messages answered, by id: their group (a reply stays in its group) and their author. */
  private async parentsOf(
    manager: EntityManager,
    ids: (string | null)[],
  ): Promise<Map<string, Pick<Message, 'groupId' | 'authorMembershipId'>>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await manager.find(Message, {
      where: { id: In(wanted) },
      select: { id: true, groupId: true, authorMembershipId: true },
    });
    return new Map(rows.map((row) => [row.id, row]));
  }
}

/**
 * Takes the next `count` seqs of a group and returns the last of them. The UPDATE locks the room row until the
 * transaction ends, so concurrent writers on any node queue behind it and no seq is skipped or given twice.
 */
export async function reserveSeqs(manager: EntityManager, groupId: string, count: number): Promise<number> {
  return (await reserveSeqsOfGroups(manager, new Map([[groupId, count]]))).get(groupId)!;
}

/**
 * `reserveSeqs` for several groups at once, in one UPDATE however many groups a batch holds (one statement per
 * group cost a batch of pairs' messages a statement each). Returns each group's last seq taken. On PostgreSQL the
 * room rows are first locked in one order (by group id) on every node, so two batches never wait on each other;
 * SQLite has a single writer. A group without its room row yet gets one.
 */
export async function reserveSeqsOfGroups(
  manager: EntityManager,
  counts: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const last = new Map<string, number>();
  if (counts.size === 0) return last;
  const groupIds = [...counts.keys()].sort();
  const inList = groupIds.map(() => '?').join(', ');
  if (manager.connection.options.type === 'postgres') {
    await rawRows(
      manager,
      `SELECT group_id FROM chat_rooms WHERE group_id IN (${inList}) ORDER BY group_id FOR UPDATE`,
      groupIds,
    );
  }
  const bump = (ids: string[]) =>
    rawRows<{ group_id: string; last_seq: number }>(
      manager,
      `UPDATE chat_rooms SET last_seq = last_seq + CASE group_id ${ids.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ')} END ` +
        `WHERE group_id IN (${ids.map(() => '?').join(', ')}) RETURNING group_id, last_seq`,
      [...ids.flatMap((id) => [id, counts.get(id)]), ...ids],
    );
  for (const row of await bump(groupIds)) last.set(row.group_id, Number(row.last_seq));
  const missing = groupIds.filter((id) => !last.has(id));
  if (missing.length > 0) {
    for (const groupId of missing) await ensureRoomRow(manager, groupId);
    for (const row of await bump(missing)) last.set(row.group_id, Number(row.last_seq));
  }
  return last;
}
