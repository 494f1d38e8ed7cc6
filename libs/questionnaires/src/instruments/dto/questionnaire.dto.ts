import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { INSTRUMENT_IDS, LANGUAGES, type InstrumentId, type Language } from '../instrument.js';

export class InstrumentParam {
  @ApiProperty({ enum: INSTRUMENT_IDS })
  @IsIn(INSTRUMENT_IDS, { message: `instrument must be one of ${INSTRUMENT_IDS.join(', ')}` })
  instrument!: InstrumentId;
}

export class WordingParams extends InstrumentParam {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: 'language must be en or es' })
  language!: Language;
}

export class LanguageQuery {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: 'language must be en or es' })
  language?: Language;
}

export class WordingItemBody {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text!: string;

  @ApiProperty({ type: [String], description: 'The answers in printed order' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(6)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  options!: string[];
}

/** The words of a licensed instrument, as the clinic's licence allows them to be shown. */
export class WordingBody {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  instructions!: string;

  @ApiProperty({ type: [WordingItemBody] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => WordingItemBody)
  items!: WordingItemBody[];
}
