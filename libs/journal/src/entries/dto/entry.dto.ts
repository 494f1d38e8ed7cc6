import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { Omittable, Trim } from '@hearth/core';

import { normalizeTag } from '../entry-codec.js';

const tags = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? [...new Set(value.map((tag) => (typeof tag === 'string' ? normalizeTag(tag) : tag)))]
    : value;

export class CreateEntryDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiProperty({ description: 'Markdown, up to 20,000 characters', maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['grief', 'body'],
    description: 'Up to 20, each 1–40 characters',
  })
  @Omittable()
  @Transform(tags)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 10, description: 'A mood check-in with the entry' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10)
  mood?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'One of my therapy sessions' })
  @Omittable()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A meeting of one of my groups' })
  @Omittable()
  @IsUUID()
  meetingId?: string;

  @ApiPropertyOptional({ description: 'The prompt this entry answers' })
  @Omittable()
  @IsString()
  @Matches(/^[a-z0-9:-]{1,64}$/, { message: 'promptId is not a prompt id' })
  promptId?: string;
}

export class UpdateEntryDto {
  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body?: string;

  @ApiPropertyOptional({ type: [String] })
  @Omittable()
  @Transform(tags)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10)
  mood?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID()
  sessionId?: string;
}

export class ListEntriesQuery {
  @ApiPropertyOptional({ description: 'Words that must all appear (whole words, any case or accents)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  tag?: string;

  @ApiPropertyOptional({ description: 'Created at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Created before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  moodMin?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  moodMax?: number;

  @ApiPropertyOptional({ description: 'Paging: entries created before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class EntryIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
