import { ApiProperty } from '@nestjs/swagger';

import type { IncidentResponseTimesDto, SafetyAlertEvent } from '@hearth/contracts';

/** An incident waiting for a facilitator, as its alert card shows it (also the `safety:alert` socket event). */
export class IncidentAlertView implements SafetyAlertEvent {
  @ApiProperty({ format: 'uuid' })
  incidentId!: string;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty()
  groupName!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  membershipId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The person’s pseudonym in the group' })
  pseudonym!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  messageId!: string | null;

  @ApiProperty({ enum: ['detector', 'report', 'questionnaire', 'facilitator'] })
  source!: 'detector' | 'report' | 'questionnaire' | 'facilitator';

  @ApiProperty({ example: 'suicide' })
  category!: string;

  @ApiProperty({ enum: ['urgent', 'concern'] })
  tier!: 'urgent' | 'concern';

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty()
  escalated!: boolean;
}

export class IncidentResponseTimesView implements IncidentResponseTimesDto {
  @ApiProperty({ example: 30 })
  days!: number;

  @ApiProperty()
  incidents!: number;

  @ApiProperty({ description: 'Acknowledged or resolved' })
  answered!: number;

  @ApiProperty({ description: 'Open, nobody has acknowledged them yet' })
  unanswered!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Seconds from opening to the first acknowledgement',
  })
  medianSeconds!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  worstSeconds!: number | null;
}
