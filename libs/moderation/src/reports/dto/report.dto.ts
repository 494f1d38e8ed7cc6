import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';

import { Omittable, Trim } from '@hearth/core';

import { REPORT_OUTCOMES, REPORT_REASONS, type ReportOutcome, type ReportReason } from '../report.entity.js';

export class ReportDto {
  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS)
  reason!: ReportReason;

  @ApiPropertyOptional({ maxLength: 1000 })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ResolveReportDto {
  @ApiProperty({ enum: REPORT_OUTCOMES })
  @IsIn(REPORT_OUTCOMES)
  outcome!: ReportOutcome;

  @ApiPropertyOptional({ maxLength: 1000 })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
