import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { MessageReview } from '@hearth/chat';
import type { QueueItemDto } from '@hearth/contracts';
import { GroupPolicy } from '@hearth/groups';
import { AccessLog, type Caller } from '@hearth/identity';

import { Incident } from '../incidents/incident.entity.js';
import { incidentRead } from '../incidents/incidents.service.js';
import { Report } from '../reports/report.entity.js';

export type QueueItem = QueueItemDto;

/** What is waiting for a facilitator: open reports, held messages, open crisis incidents, oldest first. */
@Injectable()
export class QueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: GroupPolicy,
    private readonly review: MessageReview,
    private readonly accessLog: AccessLog,
  ) {}

  async forGroup(caller: Caller, groupId: string): Promise<QueueItem[]> {
    await this.policy.authorize(caller, groupId, 'manage');
    return this.items(caller, [groupId]);
  }

  /** Every group's queue, for admins. */
  async all(caller: Caller): Promise<QueueItem[]> {
    const manager = this.dataSource.manager;
    const groupIds = new Set<string>([
      ...(await manager.find(Report, { where: { status: 'open' }, select: { groupId: true } })).map(
        (r) => r.groupId,
      ),
      ...(await manager.find(Incident, { where: { status: 'open' }, select: { groupId: true } })).map(
        (i) => i.groupId,
      ),
      ...(await this.review.heldGroupIds()),
    ]);
    return this.items(caller, [...groupIds]);
  }

  /**
   * The open items; each incident shown is an entry in its subject's access log. An incident about the caller
   * herself (she wrote words of crisis, or was reported), and a report of her own message, are left out: the
   * other staff answer them.
   */
  private async items(caller: Caller, groupIds: string[]): Promise<QueueItem[]> {
    if (groupIds.length === 0) return [];
    const manager = this.dataSource.manager;
    const reports = await manager.find(Report, { where: { groupId: In(groupIds), status: 'open' } });
    const incidents = (
      await manager.find(Incident, { where: { groupId: In(groupIds), status: 'open' } })
    ).filter((incident) => incident.subjectUserId !== caller.userId);
    await this.accessLog.record(caller, incidents.flatMap(incidentRead));
    const held = await this.review.heldIn(groupIds);
    const review = async (groupId: string, messageId: string | null) =>
      messageId ? ((await this.review.forReview(groupId, messageId))?.message ?? null) : null;
    const reported = await Promise.all(
      reports.map(async (r) => ({ report: r, found: await this.review.forReview(r.groupId, r.messageId) })),
    );
    const items: QueueItem[] = [
      ...reported
        .filter(({ found }) => found?.authorUserId !== caller.userId)
        .map(({ report: r, found }) => ({
          kind: 'report' as const,
          id: r.id,
          groupId: r.groupId,
          createdAt: r.createdAt.toISOString(),
          reason: r.reason,
          note: r.note,
          message: found?.message ?? null,
        })),
      ...held.map((m) => ({
        kind: 'held' as const,
        id: m.id,
        groupId: m.groupId,
        createdAt: m.createdAt,
        reason: 'waiting for review',
        note: null,
        message: m,
      })),
      ...(await Promise.all(
        incidents.map(async (i) => ({
          kind: 'incident' as const,
          id: i.id,
          groupId: i.groupId,
          createdAt: i.openedAt.toISOString(),
          reason: i.category,
          note: null,
          message: await review(i.groupId, i.messageId),
          incident: {
            category: i.category,
            tier: i.tier,
            status: i.status,
            escalated: i.escalatedAt !== null,
            source: i.source,
          },
        })),
      )),
    ];
    return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
