import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { Trim } from '@hearth/core';

export class NoteDto {
  @ApiProperty({ maxLength: 2000, description: 'What you did or decided' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;
}

export class IncidentQuery {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'acknowledged', 'resolved'])
  status?: 'open' | 'acknowledged' | 'resolved';
}

export const INCIDENT_CATEGORIES = [
  'suicide',
  'self_harm',
  'harm_to_baby',
  'harm_to_others',
  'crisis_concern',
] as const;

/** A facilitator opens an incident about a message she read. */
export class OpenIncidentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  messageId!: string;

  @ApiProperty({
    enum: ['urgent', 'concern'],
    description: '`urgent` escalates to admins after CRISIS_ESCALATION_MINUTES; `concern` later',
  })
  @IsIn(['urgent', 'concern'])
  tier!: 'urgent' | 'concern';

  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES, default: 'crisis_concern' })
  @IsOptional()
  @IsIn(INCIDENT_CATEGORIES)
  category?: (typeof INCIDENT_CATEGORIES)[number];
}
