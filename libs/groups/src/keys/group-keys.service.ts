import { randomBytes } from 'node:crypto';

import { Inject, Injectable, InternalServerErrorException } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  And,
  DataSource,
  Like,
  MoreThan,
  Not,
  type EntityManager,
  type EntitySubscriberInterface,
  type FindOptionsOrder,
  type FindOptionsRelations,
  type FindOptionsWhere,
} from 'typeorm';

import {
  Clock,
  deriveKey,
  IntegrityError,
  OnEventOnEveryNode,
  open,
  RELAY_RESYNC,
  seal,
  SECRETS,
  Shredder,
  Transactions,
  type Secrets,
} from '@hearth/core';

import { GroupChangedEvent, GroupEvents } from '../events.js';
import { GroupKey } from './group-key.entity.js';

/** Where a sealed value lives: its table, row, field and, for text that changes in place, its version. */
export interface SealedPlace {
  table: string;
  id: string;
  field: string;
  version?: string | number;
}

/** A field the startup backfill seals, and where its ciphertext is bound (by default its table, row and column). */
export interface LegacyField<T> {
  property: keyof T & string;
  column: string;
  place?: (row: T) => SealedPlace;
}

const LEGACY_BATCH = 500;

const wrapContext = (groupId: string) => `hearth:group-key:${groupId}`;
const placeContext = (place: SealedPlace) =>
  `hearth:${place.table}:${place.id}:${place.field}${place.version === undefined ? '' : `:${place.version}`}`;

const SEALED = /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/;

/** Whether a stored value is what `seal` produces; legacy plaintext (until the startup backfill seals it) is not. */
export const isSealed = (value: string): boolean => SEALED.test(value);

/**
 * Each group's data key: created with the group (or on first use), wrapped by the master key, destroyed when the
 * group is erased. Unwrapped keys are kept in memory, so the message hot path never unwraps; a destroyed key is
 * forgotten on every node (`group.erased` is relayed through Redis), and everything after a Redis drop.
 */
@Injectable()
export class GroupKeys {
  private readonly cache = new Map<string, Buffer>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRETS) private readonly secrets: Secrets,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly shredder: Shredder,
  ) {}

  /**
   * The key that seals this group's fields, created on first use. Inside a transaction, pass its manager: a key
   * read or created there is not cached, since that transaction may yet roll back. Hot paths take the key
   * before their transaction, so it comes from the cache.
   */
  async keyOf(groupId: string, manager?: EntityManager): Promise<Buffer> {
    const cached = this.cache.get(groupId);
    if (cached) return cached;
    const found = await this.existingKey(groupId, manager);
    if (found) return found;
    if (manager) await this.create(manager, groupId);
    else await this.transactions.run((m) => this.create(m, groupId));
    return (await this.existingKey(groupId, manager))!;
  }

  /** The key, if the group still has one: a destroyed key is never re-created to open old ciphertext. */
  private async existingKey(groupId: string, manager?: EntityManager): Promise<Buffer | null> {
    const cached = this.cache.get(groupId);
    if (cached) return cached;
    const row = await (manager ?? this.dataSource.manager).findOneBy(GroupKey, { groupId });
    if (!row) return null;
    let dataKey: Buffer;
    try {
      dataKey = open(this.secrets.masterKey, row.wrappedKey, wrapContext(groupId));
    } catch (error) {
      if (error instanceof IntegrityError) {
        throw new InternalServerErrorException(
          'This group key cannot be opened with the configured MASTER_KEY',
        );
      }
      throw error;
    }
    const key = deriveKey(dataKey, 'hearth:group:fields');
    if (!manager) this.cache.set(groupId, key);
    return key;
  }

  /** Gives every group that has none its key (groups created before conversations were sealed), at startup. */
  async createMissing(): Promise<number> {
    const missing = await this.dataSource
      .createQueryBuilder()
      .select('g.id', 'id')
      .from('groups', 'g')
      .where('NOT EXISTS (SELECT 1 FROM group_keys k WHERE k.group_id = g.id)')
      .getRawMany<{ id: string }>();
    for (const { id } of missing) await this.transactions.run((manager) => this.create(manager, id));
    return missing.length;
  }

  /** Creates the group's key if it has none yet (inside the caller's transaction). */
  async create(manager: EntityManager, groupId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(GroupKey)
      .values({
        groupId,
        wrappedKey: seal(this.secrets.masterKey, randomBytes(32), wrapContext(groupId)),
        createdAt: this.clock.now(),
        rewrappedAt: null,
      })
      .orIgnore()
      .execute();
  }

  /** Seals text of a group, bound to its place; null and '' (nothing to hide) stay as they are. */
  async seal(groupId: string, place: SealedPlace, text: string, manager?: EntityManager): Promise<string>;
  async seal(
    groupId: string,
    place: SealedPlace,
    text: string | null,
    manager?: EntityManager,
  ): Promise<string | null>;
  async seal(
    groupId: string,
    place: SealedPlace,
    text: string | null,
    manager?: EntityManager,
  ): Promise<string | null> {
    if (text === null || text === '') return text;
    return seal(await this.keyOf(groupId, manager), text, placeContext(place));
  }

  /** Seals with a key already in hand (the message writer's batches). */
  sealWith(key: Buffer, place: SealedPlace, text: string): string {
    return text === '' ? text : seal(key, text, placeContext(place));
  }

  /**
   * Opens what `seal` made, or throws IntegrityError (a ciphertext moved to another row or field, or tampered
   * with, never opens as garbage). Legacy plaintext not yet sealed by the backfill is returned as it is.
   */
  async open(groupId: string, place: SealedPlace, stored: string): Promise<string>;
  async open(groupId: string, place: SealedPlace, stored: string | null): Promise<string | null>;
  async open(groupId: string, place: SealedPlace, stored: string | null): Promise<string | null> {
    if (stored === null || !isSealed(stored)) return stored;
    const key = await this.existingKey(groupId);
    if (!key) throw new IntegrityError('The group key was destroyed');
    return open(key, stored, placeContext(place)).toString('utf8');
  }

  /**
   * Opens a table's sealed fields as its rows are loaded, so that every entity TypeORM returns carries them in
   * the clear. Rows must be loaded with their `id` and `groupId`; a row without a group keeps plaintext.
   */
  openOnLoad<T extends { id: string; groupId: string | null }>(
    target: new () => T,
    table: string,
    fields: Partial<Record<keyof T & string, string>>,
  ): void {
    const subscriber: EntitySubscriberInterface<T> = {
      listenTo: () => target,
      afterLoad: async (row: T) => {
        for (const [property, column] of Object.entries(fields) as [keyof T & string, string][]) {
          const value = row[property];
          // A row of no group (an instance-wide audit event) is never sealed, whatever its text looks like.
          if (typeof value !== 'string' || !isSealed(value) || row.groupId === null) continue;
          if (!row.id || !row.groupId)
            throw new Error(`A sealed ${table}.${column} was loaded without its id and group`);
          (row as Record<string, unknown>)[property] = await this.open(
            row.groupId,
            { table, id: row.id, field: column },
            value,
          );
        }
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  /**
   * Seals rows written before conversations were sealed (the startup backfill): in batches, each in its own
   * transaction, each row updated only if it still holds the plaintext that was read, so it is idempotent and
   * safe with several nodes starting at once; then the files are shredded. Returns how many values were sealed.
   */
  async sealLegacy<T extends { id: string }>(
    target: new () => T,
    table: string,
    fields: LegacyField<T>[],
    groupsOf: (rows: T[], manager: EntityManager) => Promise<Map<string, string | null>>,
    relations?: FindOptionsRelations<T>,
  ): Promise<number> {
    let sealed = 0;
    for (const field of fields) {
      let after = '';
      for (;;) {
        const where = {
          ...(after ? { id: MoreThan(after) } : {}),
          [field.property]: And(Not(Like('v1.%')), Not('')),
        } as FindOptionsWhere<T>;
        const rows = await this.dataSource.manager.find(target, {
          where,
          order: { id: 'ASC' } as FindOptionsOrder<T>,
          take: LEGACY_BATCH,
          ...(relations ? { relations } : {}),
        });
        if (rows.length === 0) break;
        after = rows[rows.length - 1].id;
        sealed += await this.transactions.run(async (manager) => {
          const groups = await groupsOf(rows, manager);
          let count = 0;
          for (const row of rows) {
            const groupId = groups.get(row.id);
            const text = row[field.property] as unknown as string;
            if (!groupId || isSealed(text)) continue;
            const place = field.place?.(row) ?? { table, id: row.id, field: field.column };
            const result = await manager.update(
              target,
              { id: row.id, [field.property]: text } as FindOptionsWhere<T>,
              { [field.property]: await this.seal(groupId, place, text, manager) } as never,
            );
            count += result.affected ?? 0;
          }
          return count;
        });
        if (rows.length < LEGACY_BATCH) break;
      }
    }
    // The plaintext must not survive in the WAL's earlier page images either.
    if (sealed > 0) await this.shredder.shred();
    return sealed;
  }

  /** Crypto-shredding: without the key, the group's sealed text is noise, wherever copies of it are. */
  async destroy(manager: EntityManager, groupId: string): Promise<void> {
    await manager.delete(GroupKey, { groupId });
    this.cache.delete(groupId);
  }

  @OnEventOnEveryNode(GroupEvents.groupErased)
  onGroupErased(event: GroupChangedEvent): void {
    this.cache.delete(event.groupId);
  }

  @OnEvent(RELAY_RESYNC)
  onResync(): void {
    this.cache.clear();
  }
}

/**
 * Re-wraps every group key under a new master key, inside the caller's transaction; sealed fields are untouched.
 * Returns how many keys were re-wrapped.
 */
export async function rewrapGroupKeys(
  manager: EntityManager,
  oldMaster: Buffer,
  newMaster: Buffer,
  now: Date,
): Promise<number> {
  const rows = await manager.find(GroupKey);
  for (const row of rows) {
    const dataKey = open(oldMaster, row.wrappedKey, wrapContext(row.groupId));
    await manager.update(
      GroupKey,
      { groupId: row.groupId },
      { wrappedKey: seal(newMaster, dataKey, wrapContext(row.groupId)), rewrappedAt: now },
    );
  }
  return rows.length;
}
