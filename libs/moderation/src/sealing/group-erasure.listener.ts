import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { In } from 'typeorm';

import { Transactions } from '@hearth/core';
import { GroupEvents, type GroupChangedEvent } from '@hearth/groups';

import { AuditEvent } from '../audit/audit-event.entity.js';
import { BlockedTerm } from '../blocked-terms/blocked-term.entity.js';
import { HiddenMember } from '../hidden/hidden-member.entity.js';
import { IncidentNote } from '../incidents/incident-note.entity.js';
import { Incident } from '../incidents/incident.entity.js';
import { Mute } from '../mutes/mute.entity.js';
import { Pin } from '../pins/pin.entity.js';
import { Report } from '../reports/report.entity.js';

/**
 * An erased group's moderation rows go with it (its key is already destroyed, so their sealed text was unreadable
 * from that moment): reports, incidents and their notes, mutes, pins, hidden members, blocked terms and its audit
 * trail. Room settings cascade with the group. The erasure awaits this listener, then shreds the files.
 */
@Injectable()
export class GroupErasureListener {
  constructor(private readonly transactions: Transactions) {}

  @OnEvent(GroupEvents.groupErased)
  async onGroupErased({ groupId }: GroupChangedEvent): Promise<void> {
    await this.transactions.run(async (manager) => {
      const incidents = await manager.find(Incident, { where: { groupId }, select: { id: true } });
      if (incidents.length) {
        await manager.delete(IncidentNote, { incidentId: In(incidents.map((i) => i.id)) });
      }
      for (const entity of [Incident, Report, Mute, Pin, HiddenMember, BlockedTerm, AuditEvent]) {
        await manager.delete(entity, { groupId });
      }
    });
  }
}
