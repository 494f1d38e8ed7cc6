import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

import { Omittable, SPOKEN_LANGUAGES, type SpokenLanguage, Trim } from '@hearth/core';

import { PseudonymField } from '../../memberships/pseudonym.js';
import { IsTimezone } from '../../meetings/dto/is-timezone.js';
import { GROUP_KINDS, GROUP_VISIBILITIES, type GroupKind, type GroupVisibility } from '../group.entity.js';

export const DATE_ONLY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CreateGroupDto {
  @ApiProperty({ example: 'Tuesday evening circle', minLength: 1, maxLength: 80 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description: string = '';

  @ApiProperty({ enum: GROUP_KINDS })
  @IsIn(GROUP_KINDS)
  kind!: GroupKind;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'Required for a cohort: its last day' })
  @ValidateIf((dto: CreateGroupDto) => dto.kind === 'cohort' || dto.endsOn !== undefined)
  @IsString()
  @Matches(DATE_ONLY, { message: 'endsOn must be a date (YYYY-MM-DD)', context: { code: 'day' } })
  endsOn?: string;

  @ApiPropertyOptional({ enum: GROUP_VISIBILITIES, default: 'listed' })
  @Omittable()
  @IsIn(GROUP_VISIBILITIES)
  visibility: GroupVisibility = 'listed';

  @ApiPropertyOptional({ default: 12, minimum: 1, maximum: 200, description: 'Seats for members' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(200)
  capacity: number = 12;

  @ApiPropertyOptional({ example: 'Europe/Berlin', default: 'UTC' })
  @Omittable()
  @IsTimezone()
  timezone: string = 'UTC';

  @ApiPropertyOptional({
    enum: SPOKEN_LANGUAGES,
    description:
      "The language the group speaks: its default agreement (version 1) is written in it. Without it, the request's Accept-Language decides",
  })
  @Omittable()
  @IsIn(SPOKEN_LANGUAGES)
  language?: SpokenLanguage;

  @PseudonymField({ optional: true })
  facilitatorPseudonym?: string;
}
