import { Injectable } from '@nestjs/common';

import type { SafetyAlertEvent } from '@hearth/contracts';
import { GroupPolicy } from '@hearth/groups';

import type { Incident } from './incident.entity.js';

/** An incident as an alert card: the group, the person's pseudonym, the tier; never her account or her words. */
@Injectable()
export class IncidentAlerts {
  constructor(private readonly policy: GroupPolicy) {}

  async of(incidents: Incident[]): Promise<SafetyAlertEvent[]> {
    return Promise.all(
      incidents.map(async (incident) => {
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
      }),
    );
  }
}
