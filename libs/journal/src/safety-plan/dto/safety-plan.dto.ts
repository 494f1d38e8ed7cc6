import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { SAFETY_PLAN_LIMITS as LIMITS } from '@hearth/contracts';
import { Trim } from '@hearth/core';

const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value;

/** An optional text: trimmed, and empty means none. */
const blankIsNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

const PHONE = /^[0-9+()\-. ]{1,40}$/;
const phoneMessage = {
  message: 'phone must be a phone number (digits, spaces, + ( ) - .)',
  context: { code: 'phone' },
};

/** One step's list of short texts. */
const StepItems = (description: string) =>
  applyDecorators(
    ApiProperty({
      type: [String],
      description: `${description} Up to ${LIMITS.items} items, each 1–${LIMITS.text} characters.`,
    }),
    Transform(trimEach),
    IsArray(),
    ArrayMaxSize(LIMITS.items),
    IsString({ each: true }),
    MinLength(1, { each: true, message: 'an item cannot be empty' }),
    MaxLength(LIMITS.text, { each: true }),
  );

export class SafetyPlanContactBody {
  @ApiProperty({ maxLength: LIMITS.name })
  @Trim()
  @IsString()
  @Length(1, LIMITS.name)
  name!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.phone, nullable: true, type: String })
  @Transform(blankIsNull)
  @IsOptional()
  @IsString()
  @Matches(PHONE, phoneMessage)
  phone?: string | null;
}

export class SafetyPlanProfessionalBody {
  @ApiProperty({ maxLength: LIMITS.name })
  @Trim()
  @IsString()
  @Length(1, LIMITS.name)
  name!: string;

  @ApiPropertyOptional({
    maxLength: LIMITS.phone,
    nullable: true,
    type: String,
    description: 'A phone number or a website (or both) is needed',
  })
  @Transform(blankIsNull)
  @ValidateIf((body: SafetyPlanProfessionalBody) => body.phone != null || body.url == null)
  @IsString({ message: 'phone or url is needed: add a phone number or a website' })
  @Matches(PHONE, phoneMessage)
  phone?: string | null;

  @ApiPropertyOptional({
    maxLength: LIMITS.url,
    nullable: true,
    type: String,
    example: 'https://988lifeline.org',
  })
  @Transform(blankIsNull)
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.url)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'url must be a web address starting with https://' },
  )
  url?: string | null;
}

/** The whole plan, as the member wants it kept: every step, each a list (empty lists are fine). */
export class SafetyPlanBody {
  @StepItems('1. Warning signs that a hard time may be coming.')
  warningSigns!: string[];

  @StepItems('2. Things I can do on my own to feel calmer.')
  calmingActions!: string[];

  @StepItems('3. People and places that take my mind off things.')
  distractions!: string[];

  @ApiProperty({
    type: [SafetyPlanContactBody],
    description: `4. People I can ask for help. Up to ${LIMITS.items}.`,
  })
  @IsArray()
  @ArrayMaxSize(LIMITS.items)
  @ValidateNested({ each: true })
  @Type(() => SafetyPlanContactBody)
  helpers!: SafetyPlanContactBody[];

  @ApiProperty({
    type: [SafetyPlanProfessionalBody],
    description: `5. Professionals and crisis lines. Up to ${LIMITS.items}.`,
  })
  @IsArray()
  @ArrayMaxSize(LIMITS.items)
  @ValidateNested({ each: true })
  @Type(() => SafetyPlanProfessionalBody)
  professionals!: SafetyPlanProfessionalBody[];

  @StepItems('6. Making my surroundings safer, medicines included.')
  saferSurroundings!: string[];
}
