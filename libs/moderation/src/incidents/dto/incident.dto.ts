import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

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
