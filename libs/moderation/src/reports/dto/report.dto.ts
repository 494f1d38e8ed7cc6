import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { Omittable, Trim } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';

import {
  REPORT_OUTCOMES,
  REPORT_REASONS,
  type ReportOutcome,
  type ReportReason,
} from './reports/report.entity.js';
import { TERM_ACTIONS, type TermAction } from './text/blocked-terms.js';

export class GroupItemParam extends GroupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId!: string;
}

export class ReasonDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Told privately to the member affected' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class MuteDto extends ReasonDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 5,
    maximum: 10080,
    description: 'Minutes; null until lifted',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsInt()
  @Min(5)
  @Max(10080)
  minutes!: number | null;
}

export class WarnDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ maxLength: 1000 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class RoomModeBody {
  @ApiProperty({ enum: ['open', 'read_only', 'slow'] })
  @IsIn(['open', 'read_only', 'slow'])
  mode!: 'open' | 'read_only' | 'slow';

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 5,
    maximum: 3600,
    description: 'Required with slow',
  })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(5)
  @Max(3600)
  slowSeconds: number | null = null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 90,
    description: 'Hold messages of newer members; null: off',
  })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  @Max(90)
  premoderateDays: number | null = null;
}

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

export class NoteDto {
  @ApiProperty({ maxLength: 2000, description: 'What you did or decided' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;
}

export class OptionalNoteDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class HideMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  membershipId!: string;
}

export class HiddenMemberParam extends GroupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  membershipId!: string;
}

export class BlockedTermDto {
  @ApiProperty({ maxLength: 100, example: 'buy now' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  term!: string;

  @ApiProperty({
    enum: TERM_ACTIONS,
    description: 'block: refused; hold: reviewed first; flag: posted and reported',
  })
  @IsIn(TERM_ACTIONS)
  action!: TermAction;
}

export class TermParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  termId!: string;
}

export class GroupTermParam extends GroupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  termId!: string;
}

export class CrisisResourceBody {
  @ApiProperty({ maxLength: 120 })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @Length(1, 500)
  description!: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @Omittable()
  @IsString()
  @Matches(/^[0-9+()\- ]{1,40}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @Omittable()
  @IsString()
  @MaxLength(40)
  text?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @Omittable()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'url must be an https URL' })
  url?: string;
}

export class CrisisResourcesDto {
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2 country code' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country!: string;

  @ApiProperty({ type: [CrisisResourceBody] })
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => CrisisResourceBody)
  resources!: CrisisResourceBody[];
}

export class AuditQuery {
  @ApiPropertyOptional({ example: 'member.muted' })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  targetUserId?: string;

  @ApiPropertyOptional({ description: 'Only events before this instant (paging)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}

export class IncidentQuery {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'acknowledged', 'resolved'])
  status?: 'open' | 'acknowledged' | 'resolved';
}
