import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { Omittable, Trim } from '@hearth/core';

import { IsTimezone } from '../../meetings/dto/is-timezone.js';
import { GROUP_VISIBILITIES, type GroupVisibility } from '../group.entity.js';
import { DATE_ONLY } from './create-group.dto.js';

export class UpdateGroupDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 80 })
  @Omittable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'Only for cohorts' })
  @Omittable()
  @IsString()
  @Matches(DATE_ONLY, { message: 'endsOn must be a date (YYYY-MM-DD)', context: { code: 'day' } })
  endsOn?: string;

  @ApiPropertyOptional({ enum: GROUP_VISIBILITIES })
  @Omittable()
  @IsIn(GROUP_VISIBILITIES)
  visibility?: GroupVisibility;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(200)
  capacity?: number;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @Omittable()
  @IsTimezone()
  timezone?: string;
}
