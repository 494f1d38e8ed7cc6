import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { Omittable } from '@hearth/core';
import { CRISIS_PHONE_PATTERN } from '@hearth/contracts';

export class CrisisResourceBody {
  @ApiProperty({ maxLength: 120 })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @Length(1, 500)
  description!: string;

  @ApiPropertyOptional({ maxLength: 40, example: '1-800-944-4773', pattern: CRISIS_PHONE_PATTERN.source })
  @Omittable()
  @IsString()
  @MaxLength(40)
  @Matches(CRISIS_PHONE_PATTERN, {
    message: 'phone must be a phone number: digits, spaces, dashes or brackets, and an optional leading +',
    context: { code: 'phone' },
  })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @Omittable()
  @IsString()
  @MaxLength(40)
  text?: string;

  @ApiPropertyOptional({ maxLength: 300, format: 'uri', example: 'https://988lifeline.org' })
  @Omittable()
  @MaxLength(300)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'url must be an https URL' })
  url?: string;
}

export class CrisisResourcesDto {
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2 country code' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, {
    message: 'country must be a two-letter country code',
    context: { code: 'countryCode' },
  })
  country!: string;

  @ApiProperty({ type: [CrisisResourceBody] })
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => CrisisResourceBody)
  resources!: CrisisResourceBody[];
}
