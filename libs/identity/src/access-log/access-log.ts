import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Clock, Transactions } from '@hearth/core';
import type { AccessKind } from '@hearth/contracts';

import type { Caller } from '../access/caller.js';
import { AccessLogEntry } from './access-log-entry.entity.js';

/** One thing about one person that an actor saw or did. Ids only: never the text, the email or a token. */
export interface AccessRecord {
  subjectUserId: string;
  kind: AccessKind;
  resourceId?: string | null;
  groupId?: string | null;
}

/** What a person does with her own records is logged (exports, erasure); what staff see of their own is not. */
const SELF_RECORDED: ReadonlySet<AccessKind> = new Set(['export', 'erasure']);
const CHUNK = 100;

/**
 * Writes the access log. Every place that shows staff a person's identity, a facilitator-only reflection or an
 * incident about them calls `record` before it answers, in the same request: if the entry cannot be written,
 * the answer is not given.
 */
@Injectable()
export class AccessLog {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async record(actor: Caller, records: AccessRecord[], manager?: EntityManager): Promise<void> {
    const at = this.clock.now();
    const seen = new Set<string>();
    const rows: AccessLogEntry[] = [];
    for (const record of records) {
      if (record.subjectUserId === actor.userId && !SELF_RECORDED.has(record.kind)) continue;
      const key = [record.subjectUserId, record.kind, record.resourceId, record.groupId].join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({
        id: randomUUID(),
        at,
        actorUserId: actor.userId,
        actorRole: actor.role,
        subjectUserId: record.subjectUserId,
        kind: record.kind,
        resourceId: record.resourceId ?? null,
        groupId: record.groupId ?? null,
      });
    }
    if (rows.length === 0) return;
    const write = async (m: EntityManager) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await m.insert(AccessLogEntry, rows.slice(i, i + CHUNK));
      }
    };
    await (manager ? write(manager) : this.transactions.run(write));
  }
}
