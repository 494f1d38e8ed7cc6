import { randomUUID } from 'node:crypto';

import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';

import { Clock, isUniqueViolation, Transactions, coded } from '@hearth/core';
import { MessageReview, RealtimePublisher } from '@hearth/chat';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';
import { ReportFiledEvent, SafetyEvents } from '../events.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { ModerationSealing } from '../sealing/moderation-sealing.js';
import { reportRefusal, routeReport } from './report-routing.js';

import { Report, type ReportOutcome, type ReportReason } from './report.entity.js';

@Injectable()
export class ReportsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly policy: GroupPolicy,
    private readonly review: MessageReview,
    private readonly incidents: IncidentsService,
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly sealing: ModerationSealing,
  ) {}

  private async sealed(report: Report, manager: EntityManager): Promise<Report> {
    return Object.assign(new Report(), report, {
      note: await this.sealing.seal(report.groupId, 'reports', report.id, 'note', report.note, manager),
    });
  }

  /**
   * A member asks the group's facilitators to look at a message. The reporter is never named to the reported
   * member. A crisis concern also opens a crisis incident about the message's author.
   */
  async report(
    caller: Caller,
    groupId: string,
    messageId: string,
    reason: ReportReason,
    note?: string,
  ): Promise<Report> {
    await this.policy.authorize(caller, groupId, 'read');
    const found = await this.review.forReview(groupId, messageId);
    const refusal = reportRefusal(
      found && {
        visible: found.message.status === 'visible' && !found.message.deleted,
        authorUserId: found.authorUserId,
      },
      caller.userId,
    );
    if (refusal?.status === 'not_found' || !found) {
      throw new NotFoundException(coded('MESSAGE_NOT_FOUND', refusal?.message ?? 'Message not found'));
    }
    if (refusal) throw new ConflictException(coded('OWN_MESSAGE', refusal.message));
    let report: Report;
    try {
      report = await this.transactions.run(async (manager) => {
        const report = manager.create(Report, {
          id: randomUUID(),
          groupId,
          messageId,
          reporterUserId: caller.userId,
          reason,
          note: note ?? null,
          status: 'open',
          outcome: null,
          resolutionNote: null,
          resolvedBy: null,
          resolvedAt: null,
          createdAt: this.clock.now(),
        });
        await manager.insert(Report, await this.sealed(report, manager));
        await this.audit.record(
          {
            groupId,
            actorUserId: caller.userId,
            action: 'report.created',
            targetUserId: found.authorUserId,
            targetMessageId: messageId,
            reason,
          },
          manager,
        );
        return report;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'reports'))
        throw new ConflictException(coded('ALREADY_REPORTED', 'You already reported this message'));
      throw error;
    }
    this.announce(report, found.authorUserId);
    const { incident } = routeReport(reason);
    if (incident) {
      await this.incidents.open(
        {
          groupId,
          userId: found.authorUserId,
          membershipId: found.message.author?.membershipId ?? null,
          messageId,
        },
        'report',
        incident.category,
        caller.userId,
      );
    }
    return report;
  }

  /** The filter's flag on a stored message: a report with no reporter. */
  async flag(groupId: string, messageId: string, authorUserId: string, reasons: string[]): Promise<void> {
    const report = await this.transactions.run(async (manager) => {
      const report = manager.create(Report, {
        id: randomUUID(),
        groupId,
        messageId,
        reporterUserId: null,
        reason: 'automatic_flag',
        note: reasons.join('; ').slice(0, 1000),
        status: 'open',
        outcome: null,
        resolutionNote: null,
        resolvedBy: null,
        resolvedAt: null,
        createdAt: this.clock.now(),
      });
      await manager.insert(Report, await this.sealed(report, manager));
      await this.audit.record(
        {
          groupId,
          actorUserId: null,
          action: 'message.flagged',
          targetUserId: authorUserId,
          targetMessageId: messageId,
          reason: report.note,
        },
        manager,
      );
      return report;
    });
    this.announce(report, authorUserId);
  }

  async resolve(
    caller: Caller,
    groupId: string,
    reportId: string,
    outcome: ReportOutcome,
    note?: string,
  ): Promise<Report> {
    return this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const report = await manager.findOneBy(Report, { id: reportId, groupId });
      if (!report) throw new NotFoundException(coded('REPORT_NOT_FOUND', 'Report not found'));
      // Nobody decides a report of her own message: a co-facilitator does, or an admin.
      if ((await this.review.forReview(groupId, report.messageId))?.authorUserId === caller.userId)
        throw new ForbiddenException(
          coded('REPORT_ABOUT_YOU', 'This report is about your message; another facilitator answers it'),
        );
      if (report.status === 'resolved')
        throw new ConflictException(coded('REPORT_RESOLVED', 'This report is already resolved'));
      const changes = {
        status: 'resolved' as const,
        outcome,
        resolutionNote: note ?? null,
        resolvedBy: caller.userId,
        resolvedAt: this.clock.now(),
      };
      await manager.update(
        Report,
        { id: reportId },
        {
          ...changes,
          resolutionNote: await this.sealing.seal(
            groupId,
            'reports',
            reportId,
            'resolution_note',
            changes.resolutionNote,
            manager,
          ),
        },
      );
      await this.audit.record(
        {
          groupId,
          actorUserId: caller.userId,
          action: 'report.resolved',
          targetMessageId: report.messageId,
          reason: note ?? null,
          details: { outcome },
        },
        manager,
      );
      return Object.assign(report, changes);
    });
  }

  /**
   * After commit: the event for other libraries, and the group's facilitators see it in their queue at once (all
   * but the message's author, when she is one of them: she is not alerted about a report of herself).
   */
  private announce(report: Report, authorUserId: string | null): void {
    this.events.emit(
      SafetyEvents.reportFiled,
      new ReportFiledEvent(
        report.id,
        report.groupId,
        report.messageId,
        report.reason,
        report.reporterUserId,
        authorUserId,
      ),
    );
    this.realtime.toFacilitatorsExceptPerson(report.groupId, authorUserId, 'moderation:report', {
      groupId: report.groupId,
      kind: routeReport(report.reason).facilitatorsSee,
      itemId: report.id,
      messageId: report.messageId,
      reason: report.reason,
    });
  }
}
