import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { RealtimePublisher } from '@hearth/chat';
import type { SafetyAlertEvent } from '@hearth/contracts';
import { Clock } from '@hearth/core';
import { GroupPolicy, MeetingSchedule } from '@hearth/groups';

import { resourcesMessage, toldMessage } from '../crisis-resources/default-crisis-resources.js';
import { SafetyResources } from '../crisis-resources/safety-resources.service.js';
import { IncidentEscalatedEvent, IncidentOpenedEvent, SafetyEvents } from '../events.js';
import { IncidentAlerts } from './incident-alerts.js';
import { Incident } from './incident.entity.js';

/**
 * The sockets' answer to a crisis incident: the person who wrote words of crisis gets resources privately, the
 * group's facilitators are alerted at once, and an escalation reaches every admin.
 */
@Injectable()
export class SafetyAlertsListener {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alerts: IncidentAlerts,
    private readonly resources: SafetyResources,
    private readonly realtime: RealtimePublisher,
    private readonly policy: GroupPolicy,
    private readonly schedule: MeetingSchedule,
    private readonly clock: Clock,
  ) {}

  /**
   * The writer gets her resources first, saying only what is true: that her facilitators are being told, and
   * when they are next there (the group's next meeting), so that she knows where she stands. Once
   * the alert has gone out to the facilitators' open connections, if there was one, she hears that someone was
   * reached (a push or an email accepted later says the same, from the notifications library).
   */
  @OnEvent(SafetyEvents.incidentOpened)
  async onOpened(event: IncidentOpenedEvent): Promise<void> {
    const writer = event.source === 'detector' ? event.subjectUserId : null;
    const language = event.support.language;
    if (writer) {
      const [set, facilitatorsNextAt] = await Promise.all([
        this.resources.forGroup(event.groupId, language),
        this.nextMeeting(event.groupId),
      ]);
      this.realtime.toPerson(writer, 'safety:resources', {
        groupId: event.groupId,
        country: set.country,
        language: set.language,
        tier: event.tier,
        message: resourcesMessage(set.language, event.tier, event.support.intrusive),
        resources: set.resources,
        told: false,
        toldMessage: toldMessage(set.language, false),
        facilitatorsNextAt,
      });
    }
    const alert = await this.alertOf(event.incidentId);
    if (!alert) return;
    // A facilitator who is herself the subject is not alerted about herself; the others are.
    this.realtime.toFacilitatorsExceptPerson(event.groupId, event.subjectUserId, 'safety:alert', alert);
    if (writer && (await this.othersConnected(event.groupId, writer)) > 0)
      this.realtime.toPerson(writer, 'safety:reached', {
        groupId: event.groupId,
        message: toldMessage(language, true),
      });
  }

  @OnEvent(SafetyEvents.incidentEscalated)
  async onEscalated(event: IncidentEscalatedEvent): Promise<void> {
    const incident = await this.dataSource.manager.findOneBy(Incident, { id: event.incidentId });
    if (!incident) return;
    const [alert] = await this.alerts.of([incident]);
    if (alert) this.realtime.toAdminsExceptPerson(incident.subjectUserId, 'safety:alert', alert);
  }

  /**
   * The group's facilitators' open connections, less the writer's own when she facilitates it: she is not told
   * "a facilitator was reached" because her own tab is open.
   */
  private async othersConnected(groupId: string, writer: string): Promise<number> {
    const all = await this.realtime.facilitatorsConnected(groupId);
    if (all === 0 || !(await this.policy.activeFacilitatorIds(groupId)).includes(writer)) return all;
    return all - (await this.realtime.personConnected(writer));
  }

  private async nextMeeting(groupId: string): Promise<string | null> {
    const group = await this.policy.group(groupId);
    if (!group) return null;
    const next = (await this.schedule.nextByGroup([group], this.clock.now())).get(groupId);
    return next?.startsAt.toISOString() ?? null;
  }

  private async alertOf(incidentId: string): Promise<SafetyAlertEvent | null> {
    const incident = await this.dataSource.manager.findOneBy(Incident, { id: incidentId });
    return incident ? (await this.alerts.of([incident]))[0] : null;
  }
}
