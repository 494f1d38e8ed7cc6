import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Between } from 'typeorm';

import { Clock, open, Transactions, seal, ValidationFailedException } from '@hearth/core';
import type { Caller } from '@hearth/identity';

import { JournalKeysService } from '../keys/journal-keys.service.js';
import type { MoodCheckinDto, MoodSeriesQuery } from './dto/mood.dto.js';
import type { MoodBucket, MoodCheckinView, Stat } from './dto/mood.view.js';
import { MoodCheckin } from './mood-checkin.entity.js';

const context = (id: string) => `mood_checkins:${id}:1:note`;
const MAX_RANGE_DAYS = 731;

function stat(values: number[]): Stat | null {
  if (values.length === 0) return null;
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return { mean: Math.round(mean * 100) / 100, min: Math.min(...values), max: Math.max(...values) };
}

@Injectable()
export class MoodService {
  constructor(
    private readonly transactions: Transactions,
    private readonly keys: JournalKeysService,
    private readonly clock: Clock,
  ) {}

  async checkIn(caller: Caller, dto: MoodCheckinDto): Promise<MoodCheckinView> {
    const now = this.clock.now();
    const at = dto.at ? new Date(dto.at) : now;
    if (at.getTime() > now.getTime() + 60_000) {
      throw new ValidationFailedException([
        { field: 'at', message: 'at must not be in the future', code: 'future' },
      ]);
    }
    return this.transactions.run(async (manager) => {
      const keys = await this.keys.forUser(caller.userId, manager);
      const id = randomUUID();
      const row = manager.create(MoodCheckin, {
        id,
        userId: caller.userId,
        at,
        mood: dto.mood,
        energy: dto.energy ?? null,
        sleepHours: dto.sleepHours === undefined ? null : Math.round(dto.sleepHours * 4) / 4,
        noteCt: dto.note ? seal(keys.entries, dto.note, context(id)) : null,
        entryId: null,
      });
      await manager.insert(MoodCheckin, row);
      return {
        id,
        at: at.toISOString(),
        mood: row.mood,
        energy: row.energy,
        sleepHours: row.sleepHours,
        note: dto.note ?? null,
        entryId: null,
      };
    });
  }

  async list(caller: Caller, from: Date, to: Date): Promise<MoodCheckinView[]> {
    return this.transactions.run(async (manager) => {
      const keys = await this.keys.forUser(caller.userId, manager);
      const rows = await manager.find(MoodCheckin, {
        where: { userId: caller.userId, at: Between(from, to) },
        order: { at: 'ASC' },
      });
      return rows.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        mood: row.mood,
        energy: row.energy,
        sleepHours: row.sleepHours,
        note: row.noteCt ? open(keys.entries, row.noteCt, context(row.id)).toString('utf8') : null,
        entryId: row.entryId,
      }));
    });
  }

  /** Check-ins grouped by day or week in the person's time zone: count, mean, min and max, ready to chart. */
  async series(caller: Caller, query: MoodSeriesQuery): Promise<MoodBucket[]> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    const fields = [];
    if (!DateTime.local().setZone(query.tz).isValid)
      fields.push({ field: 'tz', message: 'tz must be an IANA time zone' });
    if (to <= from) fields.push({ field: 'to', message: 'to must be after from' });
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
      fields.push({ field: 'to', message: 'the range is at most two years' });
    if (fields.length) throw new ValidationFailedException(fields);

    const rows = await this.transactions.run((manager) =>
      manager.find(MoodCheckin, {
        where: { userId: caller.userId, at: Between(from, to) },
        order: { at: 'ASC' },
      }),
    );
    const buckets = new Map<string, MoodCheckin[]>();
    for (const row of rows) {
      const local = DateTime.fromJSDate(row.at, { zone: query.tz });
      const start = (query.bucket === 'week' ? local.startOf('week') : local.startOf('day')).toISODate()!;
      buckets.set(start, [...(buckets.get(start) ?? []), row]);
    }
    return [...buckets.entries()].map(([start, group]) => ({
      start,
      count: group.length,
      mood: stat(group.map((r) => r.mood))!,
      energy: stat(group.flatMap((r) => (r.energy === null ? [] : [r.energy]))),
      sleepHours: stat(group.flatMap((r) => (r.sleepHours === null ? [] : [r.sleepHours]))),
    }));
  }
}
