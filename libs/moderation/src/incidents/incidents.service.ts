import { randomUUID } from 'node:crypto';

import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';

import { MessageReview } from '@hearth/chat';
import { Clock, Transactions, type HearthConfig, coded } from '@hearth/core';
import type { IncidentDto, IncidentResponseTimesDto, SafetyAlertEvent } from '@hearth/contracts';
import { CheckInsService, GroupPolicy } from '@hearth/groups';
import { AccessLog, type AccessRecord, type Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';
import {
  IncidentAnsweredEvent,
  IncidentEscalatedEvent,
  IncidentOpenedEvent,
  SafetyEvents,
} from '../events.js';
import { escalationCutoff, isOverdue } from './escalation.js';
import { ModerationSealing } from '../sealing/moderation-sealing.js';
import { IncidentAlerts } from './incident-alerts.js';
import { IncidentNote } from './incident-note.entity.js';
import { Incident } from './incident.entity.js';

/** What the detector read (a member's report is read as urgent): the tier and the writer's language. */
export interface IncidentReading {
  tier: 'urgent' | 'concern';
  language: 'en' | 'es';
  intrusive: boolean;
}

export interface IncidentSubject {
  groupId: string;
  userId: string | null;
  membershipId: string | null;
  messageId: string | null;
}

/**
 * Crisis incidents: opened when someone writes words of crisis (or a member reports a crisis concern), and
 * escalated to admins when nobody acknowledges them in time. Each change is committed, then announced
 * (`incident.*`); the sockets' answer (resources for the person, alerts for facilitators and admins) is one
 * listener of those events: SafetyAlertsListener.
 */
@Injectable()
export class IncidentsService {
  private readonly logger = new Logger(IncidentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly policy: GroupPolicy,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly config: ConfigService<HearthConfig, true>,
    private readonly accessLog: AccessLog,
    private readonly sealing: ModerationSealing,
    private readonly alerts: IncidentAlerts,
    private readonly review: MessageReview,
    private readonly checkIns: CheckInsService,
  ) {}

  /**
   * A facilitator opens an incident about a message she read: alerted and escalated like any other. One incident
   * still open about a message is enough.
   */
  async openAbout(
    caller: Caller,
    groupId: string,
    request: { messageId: string; tier: Incident['tier']; category?: string },
  ): Promise<IncidentDto> {
    await this.policy.authorize(caller, groupId, 'manage');
    const found = await this.review.forReview(groupId, request.messageId);
    if (!found) throw new NotFoundException(coded('MESSAGE_NOT_FOUND', 'Message not found'));
    const already = await this.dataSource.manager.existsBy(Incident, {
      groupId,
      messageId: request.messageId,
      status: Not('resolved'),
    });
    if (already)
      throw new ConflictException(
        coded('INCIDENT_ALREADY_OPEN', 'An incident about this message is already open'),
      );
    const incident = await this.open(
      {
        groupId,
        userId: found.authorUserId,
        membershipId: found.message.author?.membershipId ?? null,
        messageId: request.messageId,
      },
      'facilitator',
      request.category ?? 'crisis_concern',
      caller.userId,
      { tier: request.tier, language: 'en', intrusive: false },
    );
    const [view] = await this.views([incident]);
    return view;
  }

  async open(
    subject: IncidentSubject,
    source: 'detector' | 'report' | 'questionnaire' | 'facilitator',
    category: string,
    reporter: string | null,
    reading: IncidentReading = { tier: 'urgent', language: 'en', intrusive: false },
  ): Promise<Incident> {
    const incident = await this.transactions.run(async (manager) => {
      const incident = manager.create(Incident, {
        id: randomUUID(),
        groupId: subject.groupId,
        subjectUserId: subject.userId,
        subjectMembershipId: subject.membershipId,
        messageId: subject.messageId,
        source,
        category,
        tier: reading.tier,
        status: 'open',
        openedAt: this.clock.now(),
        acknowledgedBy: null,
        acknowledgedAt: null,
        escalatedAt: null,
        resolvedBy: null,
        resolvedAt: null,
      });
      await manager.insert(Incident, incident);
      await this.audit.record(
        {
          groupId: subject.groupId,
          actorUserId: reporter,
          action: 'incident.opened',
          targetUserId: subject.userId,
          targetMessageId: subject.messageId,
          details: { source, category, tier: reading.tier },
        },
        manager,
      );
      return incident;
    });
    this.logger.warn(
      { incidentId: incident.id, groupId: incident.groupId, source, category, tier: reading.tier },
      'Crisis incident opened',
    );
    this.events.emit(
      SafetyEvents.incidentOpened,
      new IncidentOpenedEvent(
        incident.id,
        incident.groupId,
        incident.subjectUserId,
        incident.subjectMembershipId,
        incident.messageId,
        source,
        category,
        reading.tier,
        { language: reading.language, intrusive: reading.intrusive },
      ),
    );
    return incident;
  }

  /** The group each of these incidents was opened for (ids not found are left out). */
  async groupsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(Incident, {
      where: { id: In(ids) },
      select: { id: true, groupId: true },
    });
    return new Map(rows.map((row) => [row.id, row.groupId]));
  }

  async list(caller: Caller, groupId: string, status?: string): Promise<IncidentDto[]> {
    await this.policy.authorize(caller, groupId, 'manage');
    const incidents = (
      await this.dataSource.manager.find(Incident, {
        where: { groupId, ...(status ? { status: status as Incident['status'] } : {}) },
        order: { openedAt: 'ASC' },
      })
    ).filter(notAbout(caller));
    await this.accessLog.record(caller, incidents.flatMap(incidentRead));
    return this.views(incidents);
  }

  /**
   * The crisis incidents waiting for me: open and unacknowledged in the groups I facilitate, and for admins
   * every escalated one, except those about me. Staff see them on every screen until someone acknowledges them.
   */
  async waiting(caller: Caller): Promise<SafetyAlertEvent[]> {
    if (caller.role === 'member') return [];
    const groupIds = await this.policy.facilitatedGroupIds(caller.userId);
    const where = [
      ...(groupIds.length ? [{ groupId: In(groupIds), status: 'open' as const }] : []),
      ...(caller.role === 'admin' ? [{ status: 'open' as const, escalatedAt: Not(IsNull()) }] : []),
    ];
    // No condition is not "nothing": TypeORM reads an empty `where` list as every row of the table.
    if (where.length === 0) return [];
    const incidents = (
      await this.dataSource.manager.find(Incident, { where, order: { openedAt: 'ASC' } })
    ).filter(notAbout(caller));
    await this.accessLog.record(caller, incidents.flatMap(incidentRead));
    return this.alerts.of(incidents);
  }

  /**
   * How fast this group's incidents were acknowledged over the last `days` days: the median and the longest time
   * from opening to the first facilitator's acknowledgement (or resolution), and how many are still unanswered.
   */
  async responseTimes(caller: Caller, groupId: string, days = 30): Promise<IncidentResponseTimesDto> {
    await this.policy.authorize(caller, groupId, 'manage');
    const since = new Date(this.clock.now().getTime() - days * 86_400_000);
    // Counted as listed: an incident about me is neither shown to me nor counted ("1 still waiting" with none
    // on the list).
    const incidents = (
      await this.dataSource.manager.find(Incident, {
        where: { groupId, openedAt: MoreThanOrEqual(since) },
        select: {
          id: true,
          status: true,
          openedAt: true,
          acknowledgedAt: true,
          resolvedAt: true,
          subjectUserId: true,
        },
      })
    ).filter(notAbout(caller));
    const seconds = incidents
      .map((i) => i.acknowledgedAt ?? i.resolvedAt)
      .flatMap((answered, n) =>
        answered ? [Math.round((answered.getTime() - incidents[n].openedAt.getTime()) / 1000)] : [],
      )
      .sort((a, b) => a - b);
    const middle = Math.floor(seconds.length / 2);
    return {
      days,
      incidents: incidents.length,
      answered: seconds.length,
      unanswered: incidents.filter((i) => i.status === 'open').length,
      medianSeconds: seconds.length
        ? seconds.length % 2
          ? seconds[middle]
          : Math.round((seconds[middle - 1] + seconds[middle]) / 2)
        : null,
      worstSeconds: seconds.length ? seconds[seconds.length - 1] : null,
    };
  }

  /**
   * Incidents as facilitators read them: ISO dates, with their notes, who they are about and who answered
   * (pseudonyms in the group, never accounts), and the message in its context.
   */
  private async views(incidents: Incident[]): Promise<IncidentDto[]> {
    const notes = incidents.length
      ? await this.dataSource.manager.find(IncidentNote, {
          where: { incidentId: In(incidents.map((i) => i.id)) },
          order: { createdAt: 'ASC' },
        })
      : [];
    const groupOf = new Map(incidents.map((i) => [i.id, i.groupId]));
    for (const note of notes) await this.sealing.openNotes(groupOf.get(note.incidentId)!, [note]);
    const pseudonyms = new Map<string, string | null>();
    const pseudonymOf = async (groupId: string, userId: string | null) => {
      if (!userId) return null;
      const key = `${groupId}:${userId}`;
      if (!pseudonyms.has(key))
        pseudonyms.set(key, (await this.policy.membershipOf(groupId, userId))?.pseudonym ?? null);
      return pseudonyms.get(key)!;
    };
    const groupNames = new Map<string, string>();
    return Promise.all(
      incidents.map(async (incident) => {
        if (!groupNames.has(incident.groupId))
          groupNames.set(incident.groupId, (await this.policy.group(incident.groupId))?.name ?? '');
        const subject = incident.subjectMembershipId
          ? await this.policy.membershipById(incident.groupId, incident.subjectMembershipId)
          : null;
        const own = notes.filter((n) => n.incidentId === incident.id);
        return {
          ...incident,
          openedAt: incident.openedAt.toISOString(),
          acknowledgedAt: incident.acknowledgedAt?.toISOString() ?? null,
          escalatedAt: incident.escalatedAt?.toISOString() ?? null,
          resolvedAt: incident.resolvedAt?.toISOString() ?? null,
          notes: await Promise.all(
            own.map(async (n) => ({
              ...n,
              authorPseudonym: await pseudonymOf(incident.groupId, n.authorUserId),
              createdAt: n.createdAt.toISOString(),
            })),
          ),
          groupName: groupNames.get(incident.groupId)!,
          pseudonym: subject?.pseudonym ?? null,
          acknowledgedByPseudonym: await pseudonymOf(incident.groupId, incident.acknowledgedBy),
          context: incident.messageId
            ? await this.review.inContext(incident.groupId, incident.messageId)
            : [],
        };
      }),
    );
  }

  /** A facilitator has seen it and says what they did; it will not escalate. */
  async acknowledge(caller: Caller, groupId: string, incidentId: string, note: string): Promise<IncidentDto> {
    const incident = await this.transition(caller, groupId, incidentId, note, 'acknowledged');
    this.events.emit(
      SafetyEvents.incidentAcknowledged,
      new IncidentAnsweredEvent(incident.id, groupId, caller.userId),
    );
    const [view] = await this.views([incident]);
    return view;
  }

  async resolve(caller: Caller, groupId: string, incidentId: string, note: string): Promise<IncidentDto> {
    const incident = await this.transition(caller, groupId, incidentId, note, 'resolved');
    this.events.emit(
      SafetyEvents.incidentResolved,
      new IncidentAnsweredEvent(incident.id, groupId, caller.userId),
    );
    const [view] = await this.views([incident]);
    return view;
  }

  /**
   * Open incidents nobody acknowledged in time go to every admin: an urgent one after CRISIS_ESCALATION_MINUTES,
   * a concern after CRISIS_CONCERN_ESCALATION_MINUTES. Runs every 30 seconds.
   */
  @Interval('crisis-escalation', 30_000)
  async escalateOverdue(): Promise<number> {
    const safety = this.config.get('safety', { infer: true });
    const minutesFor = (tier: Incident['tier']) =>
      tier === 'concern' ? safety.concernEscalationMinutes : safety.escalationMinutes;
    const now = this.clock.now();
    // The query narrows by the sooner cutoff; the rule itself (unit-tested) decides, per tier.
    const candidates = await this.dataSource.manager.find(Incident, {
      where: {
        status: 'open',
        escalatedAt: IsNull(),
        openedAt: LessThanOrEqual(
          escalationCutoff(now, Math.min(safety.escalationMinutes, safety.concernEscalationMinutes)),
        ),
      },
    });
    const overdue = candidates.filter((incident) => isOverdue(incident, now, minutesFor(incident.tier)));
    for (const incident of overdue) {
      const escalated = await this.transactions.run(async (manager) => {
        const now = this.clock.now();
        const result = await manager.update(
          Incident,
          { id: incident.id, status: 'open', escalatedAt: IsNull() },
          { escalatedAt: now },
        );
        if (!result.affected) return false;
        await this.audit.record(
          {
            groupId: incident.groupId,
            actorUserId: null,
            action: 'incident.escalated',
            targetUserId: incident.subjectUserId,
            details: { minutes: minutesFor(incident.tier), tier: incident.tier },
          },
          manager,
        );
        // In a check-in, the escalation is what lets admins open the conversation (docs/check-ins.md).
        await this.checkIns.markEscalated(manager, incident.groupId);
        incident.escalatedAt = now;
        return true;
      });
      if (escalated) {
        this.logger.warn(
          { incidentId: incident.id, groupId: incident.groupId },
          'Crisis incident escalated to admins',
        );
        this.events.emit(
          SafetyEvents.incidentEscalated,
          new IncidentEscalatedEvent(
            incident.id,
            incident.groupId,
            incident.subjectMembershipId,
            incident.openedAt.toISOString(),
          ),
        );
      }
    }
    return overdue.length;
  }

  private async transition(
    caller: Caller,
    groupId: string,
    incidentId: string,
    note: string,
    status: 'acknowledged' | 'resolved',
  ): Promise<Incident> {
    return this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const incident = await manager.findOneBy(Incident, { id: incidentId, groupId });
      if (!incident) throw new NotFoundException(coded('INCIDENT_NOT_FOUND', 'Incident not found'));
      // She cannot answer (and so silence) the alert about herself: another facilitator, or an admin, does.
      if (incident.subjectUserId === caller.userId)
        throw new ForbiddenException(
          coded('INCIDENT_ABOUT_YOU', 'This incident is about you; another facilitator answers it'),
        );
      if (incident.status === 'resolved')
        throw new ConflictException(coded('INCIDENT_RESOLVED', 'This incident is already resolved'));
      const now = this.clock.now();
      const changes: Partial<Incident> =
        status === 'acknowledged'
          ? {
              status,
              acknowledgedBy: incident.acknowledgedBy ?? caller.userId,
              acknowledgedAt: incident.acknowledgedAt ?? now,
            }
          : {
              status,
              resolvedBy: caller.userId,
              resolvedAt: now,
              acknowledgedBy: incident.acknowledgedBy ?? caller.userId,
              acknowledgedAt: incident.acknowledgedAt ?? now,
            };
      await manager.update(Incident, { id: incidentId }, changes);
      const noteId = randomUUID();
      await manager.insert(IncidentNote, {
        id: noteId,
        incidentId,
        authorUserId: caller.userId,
        note: (await this.sealing.seal(groupId, 'incident_notes', noteId, 'note', note, manager))!,
        createdAt: now,
      });
      await this.audit.record(
        {
          groupId,
          actorUserId: caller.userId,
          action: `incident.${status}`,
          targetUserId: incident.subjectUserId,
          reason: note,
        },
        manager,
      );
      await this.accessLog.record(caller, incidentRead(incident), manager);
      return Object.assign(incident, changes);
    });
  }
}

/** Whether an incident is about someone other than the caller: staff are never shown those about themselves. */
const notAbout =
  (caller: Caller) =>
  (incident: Pick<Incident, 'subjectUserId'>): boolean =>
    incident.subjectUserId !== caller.userId;

/** An incident read by staff, as an entry in its subject's access log (none when it has no subject). */
export function incidentRead(incident: Pick<Incident, 'id' | 'groupId' | 'subjectUserId'>): AccessRecord[] {
  return incident.subjectUserId
    ? [
        {
          subjectUserId: incident.subjectUserId,
          kind: 'incident',
          resourceId: incident.id,
          groupId: incident.groupId,
        },
      ]
    : [];
}
