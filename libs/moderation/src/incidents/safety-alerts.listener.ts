import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { RealtimePublisher } from '@hearth/chat';
import type { SafetyAlertEvent } from '@hearth/contracts';
import { GroupPolicy } from '@hearth/groups';

import { resourcesMessage } from '../crisis-resources/default-crisis-resources.js';
import { SafetyResources } from '../crisis-resources/safety-resources.service.js';
import { IncidentEscalatedEvent, IncidentOpenedEvent, SafetyEvents } from '../events.js';
import { Incident } from './incident.entity.js';

/**
 * The sockets' answer to a crisis incident: the person who wrote words of crisis gets resources privately, the
 * group's facilitators are alerted at once, and an escalation reaches every admin.
 */
@Injectable()
export class SafetyAlertsListener {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: GroupPolicy,
    private readonly resources: SafetyResources,
    private readonly realtime: RealtimePublisher,
  ) {}

  @OnEvent(SafetyEvents.incidentOpened)
  async onOpened(event: IncidentOpenedEvent): Promise<void> {
    if (event.source === 'detector' && event.subjectUserId) {
      const { language, intrusive } = event.support;
      const set = await this.resources.forGroup(event.groupId, language);
      this.realtime.toPerson(event.subjectUserId, 'safety:resources', {
        groupId: event.groupId,
        country: set.country,
        language: set.language,
        tier: event.tier,
        message: resourcesMessage(set.language, intrusive),
        resources: set.resources,
      });
    }
    const alert = await this.alertOf(event.incidentId);
    if (alert) this.realtime.toFacilitators(event.groupId, 'safety:alert', alert);
  }

  @OnEvent(SafetyEvents.incidentEscalated)
  async onEscalated(event: IncidentEscalatedEvent): Promise<void> {
    const alert = await this.alertOf(event.incidentId);
    if (alert) this.realtime.toAdmins('safety:alert', alert);
  }

  private async alertOf(incidentId: string): Promise<SafetyAlertEvent | null> {
    const incident = await this.dataSource.manager.findOneBy(Incident, { id: incidentId });
    if (!incident) return null;
    const group = await this.policy.group(incident.groupId);
    const membership = incident.subjectMembershipId
      ? await this.policy.membershipById(incident.groupId, incident.subjectMembershipId)
      : null;
    return {
      incidentId: incident.id,
      groupId: incident.groupId,
      groupName: group?.name ?? '',
      membershipId: incident.subjectMembershipId,
      pseudonym: membership?.pseudonym ?? null,
      messageId: incident.messageId,
      source: incident.source,
      category: incident.category,
      tier: incident.tier,
      openedAt: incident.openedAt.toISOString(),
      escalated: incident.escalatedAt !== null,
    };
  }
}
