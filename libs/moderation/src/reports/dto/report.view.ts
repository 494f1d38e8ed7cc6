import { ApiProperty } from '@nestjs/swagger';

import { nullableText, nullableTime, nullableUuid, uuid } from '../../common/dto/view-properties.js';
import { REPORT_OUTCOMES, type ReportOutcome } from '../report.entity.js';

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
