import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';

import { GroupKeys } from '@hearth/groups';

import { AuditEvent } from '../audit/audit-event.entity.js';
import { IncidentNote } from '../incidents/incident-note.entity.js';
import { Incident } from '../incidents/incident.entity.js';
import { Mute } from '../mutes/mute.entity.js';
import { Report } from '../reports/report.entity.js';

type SealedTable = 'mutes' | 'audit_events' | 'reports' | 'incident_notes';

/**
 * Moderation's free text (mute and audit reasons, report notes, incident notes) is sealed with the group's key
 * when written and opened as it is loaded (incident notes, whose rows do not name the group, where they are read).
 * An audit event without a group (instance-wide settings) keeps its reason in plaintext.
 */
@Injectable()
export class ModerationSealing implements OnApplicationBootstrap {
  private readonly logger = new Logger(ModerationSealing.name);

  constructor(private readonly keys: GroupKeys) {
    keys.openOnLoad(Mute, 'mutes', { reason: 'reason' });
    keys.openOnLoad(AuditEvent, 'audit_events', { reason: 'reason' });
    keys.openOnLoad(Report, 'reports', { note: 'note', resolutionNote: 'resolution_note' });
  }

  seal(
    groupId: string | null,
    table: SealedTable,
    id: string,
    field: string,
    text: string | null,
    manager: EntityManager,
  ): Promise<string | null> {
    if (groupId === null) return Promise.resolve(text);
    return this.keys.seal(groupId, { table, id, field }, text, manager);
  }

  /** Seals moderation text written before it was sealed (docs/decisions.md). */
  async onApplicationBootstrap(): Promise<void> {
    const own = <T extends { id: string; groupId: string | null }>(rows: T[]) =>
      Promise.resolve(new Map(rows.map((row) => [row.id, row.groupId])));
    const sealed =
      (await this.keys.sealLegacy(Mute, 'mutes', [{ property: 'reason', column: 'reason' }], own)) +
      (await this.keys.sealLegacy(
        AuditEvent,
        'audit_events',
        [{ property: 'reason', column: 'reason' }],
        own,
      )) +
      (await this.keys.sealLegacy(
        Report,
        'reports',
        [
          { property: 'note', column: 'note' },
          { property: 'resolutionNote', column: 'resolution_note' },
        ],
        own,
      )) +
      (await this.keys.sealLegacy(
        IncidentNote,
        'incident_notes',
        [{ property: 'note', column: 'note' }],
        async (rows, manager) => {
          const incidents = await manager.find(Incident, {
            where: { id: In([...new Set(rows.map((row) => row.incidentId))]) },
            select: { id: true, groupId: true },
          });
          const groups = new Map(incidents.map((i) => [i.id, i.groupId]));
          return new Map(rows.map((row) => [row.id, groups.get(row.incidentId) ?? null]));
        },
      ));
    if (sealed > 0) this.logger.log({ sealed }, 'Sealed legacy plaintext of moderation notes and reasons');
  }

  async openNotes(groupId: string, notes: IncidentNote[]): Promise<IncidentNote[]> {
    for (const note of notes) {
      note.note = await this.keys.open(
        groupId,
        { table: 'incident_notes', id: note.id, field: 'note' },
        note.note,
      );
    }
    return notes;
  }
}
