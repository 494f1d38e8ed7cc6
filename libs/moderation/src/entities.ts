import { AuditEvent } from './audit/audit-event.entity.js';
import { BlockedTerm } from './blocked-terms/blocked-term.entity.js';
import { InstanceSetting } from './crisis-resources/instance-setting.entity.js';
import { HiddenMember } from './hidden/hidden-member.entity.js';
import { IncidentNote } from './incidents/incident-note.entity.js';
import { Incident } from './incidents/incident.entity.js';
import { Mute } from './mutes/mute.entity.js';
import { Pin } from './pins/pin.entity.js';
import { Report } from './reports/report.entity.js';
import { RoomSettings } from './room-mode/room-settings.entity.js';

export const moderationEntities = [
  RoomSettings,
  InstanceSetting,
  BlockedTerm,
  Mute,
  Pin,
  HiddenMember,
  Report,
  Incident,
  IncidentNote,
  AuditEvent,
];
