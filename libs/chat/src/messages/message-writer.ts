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
    // Room rows are locked in one order (by group id) on every node, so two batches never wait on each other.
    const groups = [...visibleByGroup].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [groupId, messages] of groups) {
      const last = await reserveSeqs(manager, groupId, messages.length);
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
  const bump = () =>
    rawRows<{ last_seq: number }>(
      manager,
      'UPDATE chat_rooms SET last_seq = last_seq + ? WHERE group_id = ? RETURNING last_seq',
      [count, groupId],
    );
  let rows = await bump();
  if (rows.length === 0) {
    await ensureRoomRow(manager, groupId);
    rows = await bump();
  }
  return Number(rows[0].last_seq);
}
