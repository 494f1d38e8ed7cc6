import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';

import { Clock, Transactions, coded } from '@hearth/core';
import type { BlockedTermEntryDto } from '@hearth/contracts';
import { assertOpen, GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';
import { BlockedTermsChangedEvent, ModerationEvents } from '../events.js';
import { tokenize } from '@hearth/safety';
import type { TermAction } from '../text/blocked-terms.js';
import { BlockedTerm } from './blocked-term.entity.js';

/** Word lists: the platform's (admins) and each group's own (its facilitators). */
@Injectable()
export class BlockedTermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly policy: GroupPolicy,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  async terms(groupId: string | null): Promise<BlockedTermEntryDto[]> {
    const rows = await this.dataSource.manager.find(BlockedTerm, {
      where: { groupId: groupId ?? IsNull() },
      order: { term: 'ASC' },
    });
    return rows.map(toTermView);
  }

  async groupTerms(caller: Caller, groupId: string): Promise<BlockedTermEntryDto[]> {
    await this.policy.authorize(caller, groupId, 'manage');
    return this.terms(groupId);
  }

  async addTerm(
    caller: Caller,
    groupId: string | null,
    term: string,
    action: TermAction,
  ): Promise<BlockedTermEntryDto> {
    if (tokenize(term).length === 0)
      throw new ConflictException(coded('TERM_NEEDS_LETTER', 'A term needs at least one letter or digit'));
    const created = await this.transactions.run(async (manager) => {
      if (groupId) assertOpen((await this.policy.authorize(caller, groupId, 'manage', manager)).group);
      const existing = await manager.findBy(BlockedTerm, { groupId: groupId ?? IsNull() });
      const key = tokenize(term).join(' ');
      if (existing.some((t) => tokenize(t.term).join(' ') === key))
        throw new ConflictException(coded('TERM_EXISTS', 'This term is already on the list'));
      const row = manager.create(BlockedTerm, {
        id: randomUUID(),
        groupId,
        term,
        action,
        createdBy: caller.userId,
        createdAt: this.clock.now(),
      });
      await manager.insert(BlockedTerm, row);
      await this.audit.record(
        { groupId, actorUserId: caller.userId, action: 'term.added', details: { term, action } },
        manager,
      );
      return row;
    });
    this.events.emit(ModerationEvents.termsChanged, new BlockedTermsChangedEvent(groupId));
    return toTermView(created);
  }

  async removeTerm(caller: Caller, groupId: string | null, termId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (groupId) await this.policy.authorize(caller, groupId, 'manage', manager);
      const row = await manager.findOneBy(BlockedTerm, { id: termId, groupId: groupId ?? IsNull() });
      if (!row) throw new NotFoundException(coded('TERM_NOT_FOUND', 'Term not found'));
      await manager.delete(BlockedTerm, { id: termId });
      await this.audit.record(
        { groupId, actorUserId: caller.userId, action: 'term.removed', details: { term: row.term } },
        manager,
      );
    });
    this.events.emit(ModerationEvents.termsChanged, new BlockedTermsChangedEvent(groupId));
  }
}

function toTermView(term: BlockedTerm): BlockedTermEntryDto {
  return { ...term, createdAt: term.createdAt.toISOString() };
}
