import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, Not, In, IsNull, type EntityManager, type FindOptionsWhere } from 'typeorm';

import type { AuditEventDto } from '@hearth/contracts';
import { Clock } from '@hearth/core';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { ModerationSealing } from '../sealing/moderation-sealing.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  groupId: string | null;
  actorUserId: string | null;
  action: string;
  targetUserId?: string | null;
  targetMessageId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

export type MyModerationEvent = Pick<
  AuditEventDto,
  'action' | 'groupId' | 'reason' | 'details' | 'createdAt'
>;

/** Actions a member is told about in "what was done about me": never reports, which would reveal a reporter. */
const PRIVATE_ACTIONS = ['report.created', 'report.resolved'];

/**
 * Entries a facilitator does not read about herself in her group's audit log: who reported her, and the crisis
 * incidents about her (which she is neither shown nor alerted about).
 */
const NOT_ABOUT_ME = [
  ...PRIVATE_ACTIONS,
  'incident.opened',
  'incident.acknowledged',
  'incident.resolved',
  'incident.escalated',
];

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: GroupPolicy,
    private readonly clock: Clock,
    private readonly sealing: ModerationSealing,
  ) {}

  /** Appends one event, inside the caller's transaction when there is one. */
  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const event = manager.create(AuditEvent, {
      id: randomUUID(),
      groupId: entry.groupId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      targetUserId: entry.targetUserId ?? null,
      targetMessageId: entry.targetMessageId ?? null,
      reason: null,
      details: entry.details ?? null,
      createdAt: this.clock.now(),
    });
    event.reason = await this.sealing.seal(
      entry.groupId,
      'audit_events',
      event.id,
      'reason',
      entry.reason ?? null,
      manager,
    );
    await manager.save(AuditEvent, event, { transaction: false });
  }

  async forGroup(
    caller: Caller,
    groupId: string,
    query: { action?: string; targetUserId?: string; before?: string; limit: number },
  ): Promise<AuditEventDto[]> {
    await this.policy.authorize(caller, groupId, 'manage');
    const where: FindOptionsWhere<AuditEvent> = { groupId };
    if (query.action) where.action = query.action;
    if (query.targetUserId) where.targetUserId = query.targetUserId;
    if (query.before) where.createdAt = LessThan(new Date(query.before));
    // Reports and incidents about the reader are left out in the query itself, so that a page stays full.
    const aboutMe: FindOptionsWhere<AuditEvent>[] = query.action
      ? NOT_ABOUT_ME.includes(query.action)
        ? []
        : [{ ...where, targetUserId: caller.userId }]
      : [{ ...where, targetUserId: caller.userId, action: Not(In(NOT_ABOUT_ME)) }];
    const wheres: FindOptionsWhere<AuditEvent>[] =
      query.targetUserId === caller.userId
        ? aboutMe
        : query.targetUserId
          ? [where]
          : [
              { ...where, targetUserId: IsNull() },
              { ...where, targetUserId: Not(caller.userId) },
              ...aboutMe,
            ];
    if (wheres.length === 0) return [];
    const events = await this.dataSource.manager.find(AuditEvent, {
      where: wheres,
      order: { createdAt: 'DESC' },
      take: query.limit,
    });
    // Pseudonyms, never accounts: what the group knows them by (former members keep theirs on the membership).
    const userIds = [
      ...new Set(events.flatMap((e) => [e.actorUserId, e.targetUserId]).filter((id): id is string => !!id)),
    ];
    const pseudonyms = new Map<string, string | null>();
    for (const userId of userIds)
      pseudonyms.set(userId, (await this.policy.membershipOf(groupId, userId))?.pseudonym ?? null);
    return events.map((e) => ({
      ...e,
      createdAt: e.createdAt.toISOString(),
      actorPseudonym: e.actorUserId ? (pseudonyms.get(e.actorUserId) ?? null) : null,
      targetPseudonym: e.targetUserId ? (pseudonyms.get(e.targetUserId) ?? null) : null,
    }));
  }

  /** What facilitators did about me, across my groups: what, where, why and when (never who reported me). */
  async forTarget(userId: string): Promise<MyModerationEvent[]> {
    const events = await this.dataSource.manager.find(AuditEvent, {
      where: { targetUserId: userId, action: Not(In(PRIVATE_ACTIONS)) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return events.map((e) => ({
      action: e.action,
      groupId: e.groupId,
      reason: e.reason,
      details: e.details,
      createdAt: e.createdAt.toISOString(),
    }));
  }
}
