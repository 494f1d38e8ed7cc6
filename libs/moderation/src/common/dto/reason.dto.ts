import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

import { Omittable, Trim } from '@hearth/core';

export class ReasonDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Told privately to the member affected' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
