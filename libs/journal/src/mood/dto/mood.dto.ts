import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { Omittable } from '@hearth/core';

export class MoodCheckinDto {
  @ApiProperty({ minimum: 0, maximum: 10 })
  @IsInt()
  @Min(0)
  @Max(10)
  mood!: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10)
  energy?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 24, example: 5.5, description: 'Rounded to the quarter hour' })
  @Omittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(24)
  sleepHours?: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @Omittable()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ description: 'When (defaults to now; not in the future)' })
  @Omittable()
  @IsISO8601({ strict: true })
  at?: string;
}

export class MoodSeriesQuery {
  @ApiProperty({ example: '2026-11-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: '2026-12-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  to!: string;

  @ApiPropertyOptional({ enum: ['day', 'week'], default: 'day' })
  @IsOptional()
  @IsIn(['day', 'week'])
  bucket: 'day' | 'week' = 'day';

  @ApiPropertyOptional({
    example: 'Europe/Berlin',
    default: 'UTC',
    description: 'Days and weeks begin at midnight here',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tz: string = 'UTC';
}
