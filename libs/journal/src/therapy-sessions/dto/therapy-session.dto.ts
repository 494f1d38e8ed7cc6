import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

import { Omittable, Trim } from '@hearth/core';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CreateSessionDto {
  @ApiProperty({ example: '2026-11-20', description: 'The day of the session' })
  @IsString()
  @Matches(DAY, { message: 'date must be a date (YYYY-MM-DD)', context: { code: 'day' } })
  date!: string;

  @ApiProperty({ example: 'Ketamine session 3', maxLength: 120 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  kind!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  intention?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @Omittable()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export class UpdateSessionDto {
  @ApiPropertyOptional({ example: '2026-11-20' })
  @Omittable()
  @IsString()
  @Matches(DAY, { message: 'date must be a date (YYYY-MM-DD)', context: { code: 'day' } })
  date?: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @Omittable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  kind?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  intention?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @Omittable()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export class SessionIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
