import { randomBytes } from 'node:crypto';

import { Inject, Injectable, InternalServerErrorException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { Clock, deriveKey, IntegrityError, open, seal, SECRETS, type Secrets } from '@hearth/core';

import { JournalKey } from './journal-key.entity.js';

export interface UserKeys {
  /** Encrypts entry fields. */
  entries: Buffer;
  /** Makes blind-index tokens. */
  index: Buffer;
}

const wrapContext = (userId: string) => `hearth:journal-key:${userId}`;

/** Each person's journal keys: created on first use, wrapped by the master key, destroyed on erasure. */
@Injectable()
export class JournalKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRETS) private readonly secrets: Secrets,
    private readonly clock: Clock,
  ) {}

  async forUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<UserKeys> {
    let row = await manager.findOneBy(JournalKey, { userId });
    if (!row) {
      const dataKey = randomBytes(32);
      await manager
        .createQueryBuilder()
        .insert()
        .into(JournalKey)
        .values({
          userId,
          wrappedKey: seal(this.secrets.masterKey, dataKey, wrapContext(userId)),
          createdAt: this.clock.now(),
          rewrappedAt: null,
        })
        .orIgnore()
        .execute();
      row = await manager.findOneByOrFail(JournalKey, { userId });
    }
    try {
      const dataKey = open(this.secrets.masterKey, row.wrappedKey, wrapContext(userId));
      return {
        entries: deriveKey(dataKey, 'hearth:journal:entries'),
        index: deriveKey(dataKey, 'hearth:journal:blind-index'),
      };
    } catch (error) {
      if (error instanceof IntegrityError) {
        throw new InternalServerErrorException(
          'This journal key cannot be opened with the configured MASTER_KEY',
        );
      }
      throw error;
    }
  }

  /** Crypto-shredding: without the data key, the person's journal ciphertext is noise, wherever copies of it are. */
  async destroy(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.delete(JournalKey, { userId });
  }
}

/**
 * Re-wraps every data key under a new master key, inside the caller's transaction; entries are untouched.
 * Returns how many keys were re-wrapped.
 */
export async function rewrapAll(
  manager: EntityManager,
  oldMaster: Buffer,
  newMaster: Buffer,
  now: Date,
): Promise<number> {
  const rows = await manager.find(JournalKey);
  for (const row of rows) {
    const dataKey = open(oldMaster, row.wrappedKey, wrapContext(row.userId));
    await manager.update(
      JournalKey,
      { userId: row.userId },
      { wrappedKey: seal(newMaster, dataKey, wrapContext(row.userId)), rewrappedAt: now },
    );
  }
  return rows.length;
}
