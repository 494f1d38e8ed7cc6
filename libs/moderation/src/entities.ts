import { Mute } from './actions/mute.entity.js';
import { Pin } from './actions/pin.entity.js';
import { AuditEvent } from './audit/audit-event.entity.js';
import { HiddenMember } from './hidden/hidden-member.entity.js';
import { IncidentNote } from './incidents/incident-note.entity.js';
import { Incident } from './incidents/incident.entity.js';
import { Report } from './reports/report.entity.js';
import { BlockedTerm } from './settings/blocked-term.entity.js';
import { InstanceSetting } from './settings/instance-setting.entity.js';
import { RoomSettings } from './settings/room-settings.entity.js';

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
