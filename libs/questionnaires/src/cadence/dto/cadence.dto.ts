import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';

import { INSTRUMENT_IDS, type InstrumentId } from '../../instruments/instrument.js';

export class RhythmBody {
  @ApiProperty({ minimum: 7, maximum: 90, example: 14, description: 'Every so many days' })
  @IsInt({ message: 'everyDays must be a whole number of days' })
  @Min(7, { message: 'everyDays must be at least 7 (these questionnaires look back one or two weeks)' })
  @Max(90)
  everyDays!: number;
}

export class AssignmentBody extends RhythmBody {
  @ApiProperty({ enum: INSTRUMENT_IDS })
  @IsIn(INSTRUMENT_IDS, { message: `instrument must be one of ${INSTRUMENT_IDS.join(', ')}` })
  instrument!: InstrumentId;
}

export class AssignmentParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'id must be a UUID' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'assignmentId must be a UUID' })
  assignmentId!: string;
}
