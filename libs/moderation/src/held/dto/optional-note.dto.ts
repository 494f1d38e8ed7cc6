import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

import { Omittable, Trim } from '@hearth/core';

export class OptionalNoteDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
