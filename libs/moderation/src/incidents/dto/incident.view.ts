import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { MessageView } from '@hearth/chat';
import type {
  AuditEventDto,
  BlockedTermEntryDto,
  CrisisResourceDto,
  CrisisResourceSetDto,
  IncidentDto,
  IncidentNoteDto,
  QueueItemDto,
  RoomModeDto,
  RoomStateDto,
} from '@hearth/contracts';

import { REPORT_OUTCOMES, type ReportOutcome } from './reports/report.entity.js';

/**
 * What the moderation and safety routes answer, for the OpenAPI document. The services build plain objects of
 * the contract's types; these classes only describe them.
 */

const ROOM_MODES = ['open', 'read_only', 'slow'] as const;
const uuid = { format: 'uuid' } as const;
const nullableUuid = { format: 'uuid', nullable: true, type: String } as const;
const nullableText = { nullable: true, type: String } as const;
const nullableTime = { format: 'date-time', nullable: true, type: String } as const;

export class RoomModeView implements RoomModeDto {
  @ApiProperty({ enum: ROOM_MODES })
  mode!: RoomModeDto['mode'];

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'With slow: seconds between two posts of a member',
  })
  slowSeconds!: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Members newer than this many days are premoderated',
  })
  premoderateDays!: number | null;
}

export class RoomStateView extends RoomModeView implements RoomStateDto {
  @ApiProperty({ description: 'Whether a facilitator has muted me in this group' })
  muted!: boolean;

  @ApiProperty({
    ...nullableTime,
    description: 'When my mute ends; null when muted until lifted, or not muted',
  })
  mutedUntil!: string | null;
}

export class QueueIncidentSummary {
  @ApiProperty({ enum: ['suicide', 'self_harm', 'harm_to_baby', 'harm_to_others'] })
  category!: string;

  @ApiProperty({ enum: ['open', 'acknowledged', 'resolved'] })
  status!: string;

  @ApiProperty({ description: 'Sent on to the admins because nobody acknowledged it in time' })
  escalated!: boolean;

  @ApiProperty({ enum: ['detector', 'report'] })
  source!: string;
}

export class QueueItemView implements QueueItemDto {
  @ApiProperty({ enum: ['report', 'held', 'incident'] })
  kind!: QueueItemDto['kind'];

  @ApiProperty(uuid)
  id!: string;

  @ApiProperty(uuid)
  groupId!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty(nullableText)
  reason!: string | null;

  @ApiProperty(nullableText)
  note!: string | null;

  @ApiProperty({ type: MessageView, nullable: true, description: 'As facilitators see it: text included' })
  message!: QueueItemDto['message'];

  @ApiPropertyOptional({ type: QueueIncidentSummary })
  incident?: QueueIncidentSummary;
}

export class IncidentNoteView implements IncidentNoteDto {
  @ApiProperty(uuid)
  id!: string;

  @ApiProperty(uuid)
  incidentId!: string;

  @ApiProperty(uuid)
  authorUserId!: string;

  @ApiProperty()
  note!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class IncidentView implements IncidentDto {
  @ApiProperty(uuid)
  id!: string;

  @ApiProperty(uuid)
  groupId!: string;

  @ApiProperty(nullableUuid)
  subjectUserId!: string | null;

  @ApiProperty(nullableUuid)
  subjectMembershipId!: string | null;

  @ApiProperty(nullableUuid)
  messageId!: string | null;

  @ApiProperty({ enum: ['detector', 'report'] })
  source!: IncidentDto['source'];

  @ApiProperty({ enum: ['suicide', 'self_harm', 'harm_to_baby', 'harm_to_others'] })
  category!: string;

  @ApiProperty({ enum: ['open', 'acknowledged', 'resolved'] })
  status!: IncidentDto['status'];

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty(nullableUuid)
  acknowledgedBy!: string | null;

  @ApiProperty(nullableTime)
  acknowledgedAt!: string | null;

  @ApiProperty(nullableTime)
  escalatedAt!: string | null;

  @ApiProperty(nullableUuid)
  resolvedBy!: string | null;

  @ApiProperty(nullableTime)
  resolvedAt!: string | null;

  @ApiProperty({ type: [IncidentNoteView] })
  notes!: IncidentNoteView[];
}

/** What facilitators did about me: never who reported me. */
export class MyModerationEventView {
  @ApiProperty({ example: 'member.muted' })
  action!: string;

  @ApiProperty(nullableUuid)
  groupId!: string | null;

  @ApiProperty(nullableText)
  reason!: string | null;

  @ApiProperty({ type: Object, nullable: true, additionalProperties: true })
  details!: Record<string, unknown> | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** An entry of a group's audit log (facilitators and admins). */
export class AuditEventView extends MyModerationEventView implements AuditEventDto {
  @ApiProperty(uuid)
  id!: string;

  @ApiProperty(nullableUuid)
  actorUserId!: string | null;

  @ApiProperty(nullableUuid)
  targetUserId!: string | null;

  @ApiProperty(nullableUuid)
  targetMessageId!: string | null;
}

export class BlockedTermView implements BlockedTermEntryDto {
  @ApiProperty(uuid)
  id!: string;

  @ApiProperty({ ...nullableUuid, description: 'Null on the platform-wide list' })
  groupId!: string | null;

  @ApiProperty()
  term!: string;

  @ApiProperty({ enum: ['block', 'hold', 'flag'] })
  action!: BlockedTermEntryDto['action'];

  @ApiProperty(uuid)
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CrisisResourceView implements CrisisResourceDto {
  @ApiProperty({ example: '988 Suicide & Crisis Lifeline' })
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiPropertyOptional({ example: '988' })
  phone?: string;

  @ApiPropertyOptional({ description: 'A number to text' })
  text?: string;

  @ApiPropertyOptional({ format: 'uri' })
  url?: string;
}

export class CrisisResourceSetView implements CrisisResourceSetDto {
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' })
  country!: string;

  @ApiProperty({ type: [CrisisResourceView] })
  resources!: CrisisResourceView[];
}

/** A mute as stored (JSON dates). */
export class MuteView {
  @ApiProperty(uuid)
  id!: string;

  @ApiProperty(uuid)
  groupId!: string;

  @ApiProperty(uuid)
  userId!: string;

  @ApiProperty(uuid)
  mutedBy!: string;

  @ApiProperty(nullableText)
  reason!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ ...nullableTime, description: 'Null: until a facilitator lifts it' })
  endsAt!: string | null;

  @ApiProperty(nullableTime)
  liftedAt!: string | null;

  @ApiProperty(nullableUuid)
  liftedBy!: string | null;
}

export class ReportCreatedView {
  @ApiProperty(uuid)
  id!: string;

  @ApiProperty({ enum: ['open', 'resolved'] })
  status!: 'open' | 'resolved';
}

/** A report as stored, once resolved (JSON dates); facilitators only. */
export class ReportView extends ReportCreatedView {
  @ApiProperty(uuid)
  groupId!: string;

  @ApiProperty(uuid)
  messageId!: string;

  @ApiProperty(nullableUuid)
  reporterUserId!: string | null;

  @ApiProperty()
  reason!: string;

  @ApiProperty(nullableText)
  note!: string | null;

  @ApiProperty({ enum: REPORT_OUTCOMES, nullable: true })
  outcome!: ReportOutcome | null;

  @ApiProperty(nullableText)
  resolutionNote!: string | null;

  @ApiProperty(nullableUuid)
  resolvedBy!: string | null;

  @ApiProperty(nullableTime)
  resolvedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
