import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID } from 'class-validator';

import { INSTRUMENT_IDS, LANGUAGES, type InstrumentId, type Language } from '../../instruments/instrument.js';

export class SubmitResponseBody {
  @ApiProperty({ enum: INSTRUMENT_IDS })
  @IsIn(INSTRUMENT_IDS, { message: `instrument must be one of ${INSTRUMENT_IDS.join(', ')}` })
  instrument!: InstrumentId;

  @ApiProperty({
    type: [Number],
    example: [0, 1, 1, 2, 0, 1, 0, 0, 0],
    description: 'The chosen answer of each question, by its position among the printed answers (0 first)',
  })
  @IsArray()
  @ArrayMaxSize(40)
  @IsInt({ each: true, message: 'each answer must be a whole number' })
  answers!: number[];

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en', description: 'The language she answered in' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: 'language must be en or es' })
  language?: Language;

  @ApiPropertyOptional({ format: 'uuid', description: 'The group whose assignment this answers' })
  @IsOptional()
  @IsUUID('4', { message: 'groupId must be a UUID' })
  groupId?: string;
}

export class TellBody {
  @ApiProperty({ format: 'uuid', description: 'The group whose facilitators she chooses to tell' })
  @IsUUID('4', { message: 'groupId must be a UUID' })
  groupId!: string;
}

export class ResponsesQuery {
  @ApiPropertyOptional({ enum: INSTRUMENT_IDS })
  @IsOptional()
  @IsIn(INSTRUMENT_IDS, { message: `instrument must be one of ${INSTRUMENT_IDS.join(', ')}` })
  instrument?: InstrumentId;
}

export class ResponseIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'id must be a UUID' })
  id!: string;
}
