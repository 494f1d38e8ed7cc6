import { randomUUID } from 'node:crypto';

import { Injectable, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Between,
  DataSource,
  In,
  LessThan,
  MoreThanOrEqual,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm';

import { Clock, IntegrityError, Transactions, ValidationFailedException, coded } from '@hearth/core';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';
import { assessCrisis } from '@hearth/safety';

import { JournalKeysService, type UserKeys } from '../keys/journal-keys.service.js';
import { MoodCheckin } from '../mood/mood-checkin.entity.js';
import { TherapySession } from '../therapy-sessions/therapy-session.entity.js';
import type { CreateEntryDto, ListEntriesQuery, UpdateEntryDto } from './dto/entry.dto.js';
import type { EntryView, SavedEntryView } from './dto/entry.view.js';
import { EntryCodec, type EntryText } from './entry-codec.js';
import { EntryToken } from './entry-token.entity.js';
import { JournalEntry } from './journal-entry.entity.js';

/** A person's own journal. Every query is scoped to the caller: nobody else, whatever their role, has a way in. */
@Injectable()
export class EntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly keys: JournalKeysService,
    private readonly codec: EntryCodec,
    private readonly groups: GroupPolicy,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, dto: CreateEntryDto): Promise<SavedEntryView> {
    const row = await this.transactions.run(async (manager) => {
      const keys = await this.keys.forUser(caller.userId, manager);
      if (dto.sessionId) await this.assertOwnSession(manager, caller.userId, dto.sessionId);
      if (dto.meetingId && !(await this.groups.isMeetingOfMember(dto.meetingId, caller.userId))) {
        throw new ValidationFailedException([
          { field: 'meetingId', message: 'meetingId is not a meeting of one of your groups' },
        ]);
      }
      const now = this.clock.now();
      const id = randomUUID();
      const text: EntryText = { title: dto.title || null, body: dto.body, tags: dto.tags ?? [] };
      const row = manager.create(JournalEntry, {
        id,
        userId: caller.userId,
        version: 1,
        ...this.codec.seal(keys, id, 1, text),
        mood: dto.mood ?? null,
        sessionId: dto.sessionId ?? null,
        meetingId: dto.meetingId ?? null,
        promptId: dto.promptId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(JournalEntry, row);
      await this.index(manager, keys, id, text);
      if (dto.mood !== undefined) {
        await manager.insert(MoodCheckin, {
          id: randomUUID(),
          userId: caller.userId,
          at: now,
          mood: dto.mood,
          energy: null,
          sleepHours: null,
          noteCt: null,
          entryId: id,
        });
      }
      return row;
    });
    return this.saved(caller.userId, row);
  }

  async list(caller: Caller, query: ListEntriesQuery): Promise<EntryView[]> {
    const keys = await this.keys.forUser(caller.userId);
    const where: FindOptionsWhere<JournalEntry> = { userId: caller.userId };
    if (query.sessionId) where.sessionId = query.sessionId;
    if (query.moodMin !== undefined || query.moodMax !== undefined)
      where.mood = Between(query.moodMin ?? 0, query.moodMax ?? 10);
    const from = query.from ? new Date(query.from) : null;
    const to = query.before ?? query.to;
    if (from && to) where.createdAt = Between(from, new Date(new Date(to).getTime() - 1));
    else if (from) where.createdAt = MoreThanOrEqual(from);
    else if (to) where.createdAt = LessThan(new Date(to));

    const required = [
      ...(query.q ? this.codec.queryTokens(keys, query.q) : []),
      ...(query.tag ? [this.codec.tagToken(keys, query.tag)] : []),
    ];
    if (query.q !== undefined && required.length === 0 && !query.tag) return [];
    if (required.length > 0) {
      const ids = await this.matching(caller.userId, required);
      if (ids.length === 0) return [];
      where.id = In(ids);
    }
    const rows = await this.dataSource.manager.find(JournalEntry, {
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: query.limit,
    });
    return rows.map((row) => this.toView(keys, row));
  }

  async get(caller: Caller, id: string): Promise<EntryView> {
    return this.view(caller.userId, await this.own(this.dataSource.manager, caller.userId, id));
  }

  async update(caller: Caller, id: string, dto: UpdateEntryDto): Promise<SavedEntryView> {
    const row = await this.transactions.run(async (manager) => {
      const row = await this.own(manager, caller.userId, id);
      const keys = await this.keys.forUser(caller.userId, manager);
      if (dto.sessionId) await this.assertOwnSession(manager, caller.userId, dto.sessionId);
      const current = this.openOrFail(keys, row);
      const text: EntryText = {
        title: dto.title !== undefined ? dto.title || null : current.title,
        body: dto.body ?? current.body,
        tags: dto.tags ?? current.tags,
      };
      const version = row.version + 1;
      const changes = {
        version,
        ...this.codec.seal(keys, id, version, text),
        mood: dto.mood ?? row.mood,
        sessionId: dto.sessionId ?? row.sessionId,
        updatedAt: this.clock.now(),
      };
      await manager.update(JournalEntry, { id, userId: caller.userId }, changes);
      await manager.delete(EntryToken, { entryId: id });
      await this.index(manager, keys, id, text);
      return Object.assign(row, changes);
    });
    return this.saved(caller.userId, row);
  }

  async remove(caller: Caller, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.own(manager, caller.userId, id);
      await manager.delete(MoodCheckin, { entryId: id, userId: caller.userId });
      await manager.delete(JournalEntry, { id, userId: caller.userId });
    });
  }

  /** The text of one of my entries, for sharing it. */
  async textOf(userId: string, id: string): Promise<EntryText> {
    const row = await this.own(this.dataSource.manager, userId, id);
    return this.openOrFail(await this.keys.forUser(userId), row);
  }

  private async matching(userId: string, tokens: string[]): Promise<string[]> {
    const unique = [...new Set(tokens)];
    const rows = await this.dataSource.manager
      .createQueryBuilder(EntryToken, 't')
      .innerJoin(JournalEntry, 'e', 'e.id = t.entry_id')
      .select('t.entry_id', 'entryId')
      .where('e.user_id = :userId', { userId })
      .andWhere('t.token IN (:...tokens)', { tokens: unique })
      .groupBy('t.entry_id')
      .having('COUNT(DISTINCT t.token) = :count', { count: unique.length })
      .getRawMany<{ entryId: string }>();
    return rows.map((row) => row.entryId);
  }

  private async index(
    manager: EntityManager,
    keys: UserKeys,
    entryId: string,
    text: EntryText,
  ): Promise<void> {
    const tokens = this.codec.tokens(keys, text);
    for (let i = 0; i < tokens.length; i += 200) {
      await manager.insert(
        EntryToken,
        tokens.slice(i, i + 200).map((token) => ({ entryId, token })),
      );
    }
  }

  private async own(manager: EntityManager, userId: string, id: string): Promise<JournalEntry> {
    const row = await manager.findOneBy(JournalEntry, { id, userId });
    if (!row) throw new NotFoundException(coded('ENTRY_NOT_FOUND', 'Entry not found'));
    return row;
  }

  private async assertOwnSession(manager: EntityManager, userId: string, sessionId: string): Promise<void> {
    if (!(await manager.findOneBy(TherapySession, { id: sessionId, userId }))) {
      throw new ValidationFailedException([
        { field: 'sessionId', message: 'sessionId is not one of your sessions' },
      ]);
    }
  }

  /**
   * The saved entry, with the support to offer its writer when it reads as crisis. This is the only thing that
   * happens: the journal is private, so nothing about it is stored, logged, or told to anyone.
   */
  private async saved(userId: string, row: JournalEntry): Promise<SavedEntryView> {
    const view = await this.view(userId, row);
    const found = assessCrisis([view.title, view.body].filter(Boolean).join('\n'));
    return {
      ...view,
      support: found ? { tier: found.tier, language: found.language, intrusive: found.intrusive } : null,
    };
  }

  private async view(userId: string, row: JournalEntry): Promise<EntryView> {
    return this.toView(await this.keys.forUser(userId), row);
  }

  private openOrFail(keys: UserKeys, row: JournalEntry): EntryText {
    try {
      return this.codec.open(keys, row);
    } catch (error) {
      if (error instanceof IntegrityError) {
        throw new InternalServerErrorException(
          coded('INTEGRITY_FAILED', 'This entry failed its integrity check and cannot be shown'),
        );
      }
      throw error;
    }
  }

  private toView(keys: UserKeys, row: JournalEntry): EntryView {
    const text = this.openOrFail(keys, row);
    return {
      id: row.id,
      title: text.title,
      body: text.body,
      tags: text.tags,
      mood: row.mood,
      sessionId: row.sessionId,
      meetingId: row.meetingId,
      promptId: row.promptId,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
