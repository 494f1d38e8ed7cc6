import { randomUUID } from 'node:crypto';

import { Injectable, NotFoundException } from '@nestjs/common';

import { Clock, open, Transactions, seal, coded } from '@hearth/core';
import type { Caller } from '@hearth/identity';

import { JournalEntry } from '../entries/journal-entry.entity.js';
import { JournalKeysService, type UserKeys } from '../keys/journal-keys.service.js';
import type { CreateSessionDto, UpdateSessionDto } from './dto/therapy-session.dto.js';
import type { SessionView } from './dto/therapy-session.view.js';
import { TherapySession } from './therapy-session.entity.js';

const context = (id: string, version: number, field: string) => `therapy_sessions:${id}:${version}:${field}`;

/** My own therapy sessions; what they were, my intention and notes are sealed like journal entries. */
@Injectable()
export class TherapySessionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly keys: JournalKeysService,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, dto: CreateSessionDto): Promise<SessionView> {
    return this.transactions.run(async (manager) => {
      const keys = await this.keys.forUser(caller.userId, manager);
      const id = randomUUID();
      const now = this.clock.now();
      const row = manager.create(TherapySession, {
        id,
        userId: caller.userId,
        version: 1,
        heldOn: dto.date,
        ...this.sealFields(keys, id, 1, dto.kind, dto.intention ?? null, dto.notes ?? null),
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(TherapySession, row);
      return this.toView(keys, row);
    });
  }

  async list(caller: Caller): Promise<SessionView[]> {
    return this.transactions.run(async (manager) => {
      const keys = await this.keys.forUser(caller.userId, manager);
      const rows = await manager.find(TherapySession, {
        where: { userId: caller.userId },
        order: { heldOn: 'DESC', createdAt: 'DESC' },
      });
      return rows.map((row) => this.toView(keys, row));
    });
  }

  async update(caller: Caller, id: string, dto: UpdateSessionDto): Promise<SessionView> {
    return this.transactions.run(async (manager) => {
      const row = await manager.findOneBy(TherapySession, { id, userId: caller.userId });
      if (!row) throw new NotFoundException(coded('SESSION_NOT_FOUND', 'Session not found'));
      const keys = await this.keys.forUser(caller.userId, manager);
      const current = this.toView(keys, row);
      const version = row.version + 1;
      const changes = {
        version,
        heldOn: dto.date ?? row.heldOn,
        ...this.sealFields(
          keys,
          id,
          version,
          dto.kind ?? current.kind,
          dto.intention ?? current.intention,
          dto.notes ?? current.notes,
        ),
        updatedAt: this.clock.now(),
      };
      await manager.update(TherapySession, { id, userId: caller.userId }, changes);
      return this.toView(keys, Object.assign(row, changes));
    });
  }

  /** Deleting a session keeps the entries written about it; they just lose the link. */
  async remove(caller: Caller, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const result = await manager.delete(TherapySession, { id, userId: caller.userId });
      if (!result.affected) throw new NotFoundException(coded('SESSION_NOT_FOUND', 'Session not found'));
      await manager.update(JournalEntry, { userId: caller.userId, sessionId: id }, { sessionId: null });
    });
  }

  private sealFields(
    keys: UserKeys,
    id: string,
    version: number,
    kind: string,
    intention: string | null,
    notes: string | null,
  ) {
    return {
      kindCt: seal(keys.entries, kind, context(id, version, 'kind')),
      intentionCt: intention ? seal(keys.entries, intention, context(id, version, 'intention')) : null,
      notesCt: notes ? seal(keys.entries, notes, context(id, version, 'notes')) : null,
    };
  }

  private toView(keys: UserKeys, row: TherapySession): SessionView {
    const read = (ct: string | null, field: string) =>
      ct ? open(keys.entries, ct, context(row.id, row.version, field)).toString('utf8') : null;
    return {
      id: row.id,
      date: row.heldOn,
      kind: read(row.kindCt, 'kind') ?? '',
      intention: read(row.intentionCt, 'intention'),
      notes: read(row.notesCt, 'notes'),
      createdAt: row.createdAt.toISOString(),
    };
  }
}
