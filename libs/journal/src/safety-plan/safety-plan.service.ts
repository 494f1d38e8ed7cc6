import { randomUUID } from 'node:crypto';

import { Injectable, InternalServerErrorException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { SafetyPlanDto, SafetyPlanStepsDto } from '@hearth/contracts';
import { Clock, IntegrityError, Shredder, Transactions, coded } from '@hearth/core';
import type { Caller } from '@hearth/identity';

import { JournalKeysService } from '../keys/journal-keys.service.js';
import type { SafetyPlanBody } from './dto/safety-plan.dto.js';
import { SafetyPlanCodec } from './safety-plan-codec.js';
import { SafetyPlan } from './safety-plan.entity.js';

const EMPTY: SafetyPlanStepsDto = {
  warningSigns: [],
  calmingActions: [],
  distractions: [],
  helpers: [],
  professionals: [],
  saferSurroundings: [],
};

/** My safety plan. Scoped to the caller like the journal: nobody else, whatever their role, has a way in. */
@Injectable()
export class SafetyPlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly keys: JournalKeysService,
    private readonly codec: SafetyPlanCodec,
    private readonly clock: Clock,
    private readonly shredder: Shredder,
  ) {}

  async get(caller: Caller): Promise<SafetyPlanDto> {
    return (await this.planOf(caller.userId)) ?? { ...EMPTY, updatedAt: null };
  }

  async replace(caller: Caller, body: SafetyPlanBody): Promise<SafetyPlanDto> {
    const steps = stepsOf(body);
    const row = await this.transactions.run(async (manager) => {
      const keys = await this.keys.forUser(caller.userId, manager);
      const now = this.clock.now();
      const existing = await manager.findOneBy(SafetyPlan, { userId: caller.userId });
      if (!existing) {
        const id = randomUUID();
        const row = manager.create(SafetyPlan, {
          id,
          userId: caller.userId,
          version: 1,
          planCt: this.codec.seal(keys, id, 1, steps),
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(SafetyPlan, row);
        return row;
      }
      const version = existing.version + 1;
      const changes = { version, planCt: this.codec.seal(keys, existing.id, version, steps), updatedAt: now };
      await manager.update(SafetyPlan, { id: existing.id, userId: caller.userId }, changes);
      return Object.assign(existing, changes);
    });
    return { ...steps, updatedAt: row.updatedAt.toISOString() };
  }

  /** A deleted plan is gone from the database files too, not only from the table (docs/security.md). */
  async remove(caller: Caller): Promise<void> {
    await this.transactions.run((manager) => this.erase(caller.userId, manager));
    await this.shredder.shred();
  }

  /** My plan opened, or null when I have none; for the data export too. */
  async planOf(userId: string): Promise<SafetyPlanDto | null> {
    const row = await this.dataSource.manager.findOneBy(SafetyPlan, { userId });
    if (!row) return null;
    const keys = await this.keys.forUser(userId);
    try {
      return { ...this.codec.open(keys, row), updatedAt: row.updatedAt.toISOString() };
    } catch (error) {
      if (error instanceof IntegrityError) {
        throw new InternalServerErrorException(
          coded('INTEGRITY_FAILED', 'This safety plan failed its integrity check and cannot be shown'),
        );
      }
      throw error;
    }
  }

  async erase(userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(SafetyPlan, { userId });
  }
}

/** Only the fields of the plan, in a fixed shape, whatever else the validated body carries. */
function stepsOf(body: SafetyPlanBody): SafetyPlanStepsDto {
  return {
    warningSigns: [...body.warningSigns],
    calmingActions: [...body.calmingActions],
    distractions: [...body.distractions],
    helpers: body.helpers.map((h) => ({ name: h.name, phone: h.phone ?? null })),
    professionals: body.professionals.map((p) => ({
      name: p.name,
      phone: p.phone ?? null,
      url: p.url ?? null,
    })),
    saferSurroundings: [...body.saferSurroundings],
  };
}
