import { ApiProperty } from '@nestjs/swagger';

import type { IncidentDto, IncidentNoteDto, MessageDto } from '@hearth/contracts';

import { MessageView } from '@hearth/chat';

import { nullableText, nullableTime, nullableUuid, uuid } from '../../common/dto/view-properties.js';

export class IncidentNoteView implements IncidentNoteDto {
  @ApiProperty(uuid)
  id!: string;

  @ApiProperty(uuid)
  incidentId!: string;

  @ApiProperty(uuid)
  authorUserId!: string;

  @ApiProperty(nullableText)
  authorPseudonym!: string | null;

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

  @ApiProperty({ enum: ['detector', 'report', 'questionnaire', 'facilitator'] })
  source!: IncidentDto['source'];

  @ApiProperty({ enum: ['suicide', 'self_harm', 'harm_to_baby', 'harm_to_others'] })
  category!: string;

  @ApiProperty({
    enum: ['urgent', 'concern'],
    description:
      '`urgent`: intent, a plan, means, an act; `concern`: passive ideation, burden, frightening thoughts',
  })
  tier!: IncidentDto['tier'];

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

  @ApiProperty()
  groupName!: string;

  @ApiProperty({ ...nullableText, description: 'The person’s pseudonym in the group' })
  pseudonym!: string | null;

  @ApiProperty(nullableText)
  acknowledgedByPseudonym!: string | null;

  @ApiProperty({
    type: [MessageView],
    description: 'The message and the few posted before it, oldest first, as facilitators read them',
  })
  context!: MessageDto[];
}
