import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import {
  And,
  LessThan,
  MoreThanOrEqual,
  Repository,
  type FindOperator,
  type FindOptionsWhere,
} from 'typeorm';

import { Clock, Shredder, Transactions, type HearthConfig } from '@hearth/core';

import type { Caller } from '../access/caller.js';
import { UsersService } from '../users/users.service.js';
import { AccessLog } from './access-log.js';
import { AccessLogEntry } from './access-log-entry.entity.js';
import type { AccessLogQuery, MyAccessLogQuery } from './dto/access-log-query.dto.js';
import type { AccessLogEntryView, AccessLogPageView, MyAccessLogPageView } from './dto/access-log.view.js';

const DAY_MS = 86_400_000;

const adminView = (e: AccessLogEntry): AccessLogEntryView => ({
  id: e.id,
  at: e.at.toISOString(),
  kind: e.kind,
  actorUserId: e.actorUserId,
  actorRole: e.actorRole,
  subjectUserId: e.subjectUserId,
  resourceId: e.resourceId,
  groupId: e.groupId,
});

/** Reading the access log (a person her own; admins all of it, which is itself logged) and its retention. */
@Injectable()
export class AccessLogService {
  private readonly logger = new Logger(AccessLogService.name);

  constructor(
    @InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>,
    private readonly log: AccessLog,
    private readonly users: UsersService,
    private readonly transactions: Transactions,
    private readonly shredder: Shredder,
    private readonly clock: Clock,
    private readonly config: ConfigService<HearthConfig, true>,
  ) {}

  /** What was seen or done with my records, newest first: staff show by display name and role, never email. */
  async mine(caller: Caller, query: MyAccessLogQuery): Promise<MyAccessLogPageView> {
    const [rows, total] = await this.entries.findAndCount({
      where: { subjectUserId: caller.userId },
      order: { at: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const actors = await this.users.findMany(
      rows.flatMap((r) => (r.actorUserId && r.actorUserId !== caller.userId ? [r.actorUserId] : [])),
    );
    return {
      total,
      items: rows.map((r) => {
        const byMe = r.actorUserId === caller.userId;
        const actor = !byMe && r.actorUserId ? actors.get(r.actorUserId) : undefined;
        return {
          id: r.id,
          at: r.at.toISOString(),
          kind: r.kind,
          resourceId: r.resourceId,
          groupId: r.groupId,
          byMe,
          actor: actor ? { displayName: actor.displayName, role: actor.role } : null,
          actorRole: r.actorRole,
        };
      }),
    };
  }

  /** The whole log, filtered, for admins. Reading it is an access too: one entry per person it shows. */
  async forAdmin(caller: Caller, query: AccessLogQuery): Promise<AccessLogPageView> {
    const where: FindOptionsWhere<AccessLogEntry> = {};
    if (query.subjectUserId) where.subjectUserId = query.subjectUserId;
    if (query.actorUserId) where.actorUserId = query.actorUserId;
    if (query.kind) where.kind = query.kind;
    if (query.groupId) where.groupId = query.groupId;
    const bounds: FindOperator<Date>[] = [];
    if (query.since) bounds.push(MoreThanOrEqual(query.since));
    if (query.until) bounds.push(LessThan(query.until));
    if (bounds.length === 1) where.at = bounds[0];
    if (bounds.length === 2) where.at = And(...bounds);
    const [rows, total] = await this.entries.findAndCount({
      where,
      order: { at: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    await this.log.record(
      caller,
      rows.flatMap((r) =>
        r.subjectUserId ? [{ subjectUserId: r.subjectUserId, kind: 'access_log' as const }] : [],
      ),
    );
    return { items: rows.map(adminView), total };
  }

  /** Entries past ACCESS_LOG_RETENTION_DAYS go, daily: the only deletion the log allows. */
  @Cron(CronExpression.EVERY_DAY_AT_4AM, { name: 'access-log-retention' })
  async prune(): Promise<number> {
    const days = this.config.get('retention', { infer: true }).accessLogDays;
    const cutoff = new Date(this.clock.now().getTime() - days * DAY_MS);
    const deleted = await this.transactions.run(async (manager) => {
      if (this.transactions.isPostgres) {
        await manager.query(
          `SELECT set_config('hearth.access_log_prune_before', ($1::timestamp)::text, true)`,
          [cutoff],
        );
      }
      const result = await manager.delete(AccessLogEntry, { at: LessThan(cutoff) });
      return result.affected ?? 0;
    });
    if (deleted > 0) {
      await this.shredder.shred();
      this.logger.log({ deleted }, 'Retention: deleted old access-log entries');
    }
    return deleted;
  }
}
