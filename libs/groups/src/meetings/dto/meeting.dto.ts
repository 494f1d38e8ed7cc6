import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { Omittable, Trim } from '@hearth/core';

/** An instant with an explicit offset or Z, so that there is no doubt which moment is meant. */
const IsInstant = () => (target: object, property: string) => {
  const options = {
    message: `${property} must be an ISO 8601 date-time with an offset or Z`,
    context: { code: 'instant' },
  };
  IsISO8601({ strict: true, strictSeparator: true }, options)(target, property);
  Matches(/T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/, options)(target, property);
};

export class CreateMeetingDto {
  @ApiProperty({ example: 'Weekly circle', minLength: 1, maxLength: 120 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  title!: string;

  @ApiProperty({
    example: '2026-12-07T19:00:00+01:00',
    description: 'The first occurrence, with its UTC offset',
  })
  @IsInstant()
  startsAt!: string;

  @ApiProperty({ minimum: 15, maximum: 600, example: 90 })
  @IsInt()
  @Min(15)
  @Max(600)
  durationMinutes!: number;

  @ApiPropertyOptional({ maxLength: 500, example: 'Room 2, Lindenstraße 5' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(500)
  location?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'https://meet.example.org/circle' })
  @Omittable()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'videoUrl must be an https URL' })
  @MaxLength(500)
  videoUrl?: string;

  @ApiPropertyOptional({ enum: ['weekly'], description: 'Repeat weekly at the same local time' })
  @Omittable()
  @IsIn(['weekly'])
  recurrence?: 'weekly';

  @ApiPropertyOptional({
    example: '2027-03-31T23:59:59+02:00',
    description: 'No occurrence starts after this',
  })
  @Omittable()
  @IsInstant()
  recurrenceEndsAt?: string;
}

export class UpdateMeetingDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @Omittable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  title?: string;

  @ApiPropertyOptional({ example: '2026-12-07T19:00:00+01:00' })
  @Omittable()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ minimum: 15, maximum: 600 })
  @Omittable()
  @IsInt()
  @Min(15)
  @Max(600)
  durationMinutes?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(500)
  location?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @Omittable()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'videoUrl must be an https URL' })
  @MaxLength(500)
  videoUrl?: string;

  @ApiPropertyOptional({ example: '2027-03-31T23:59:59+02:00' })
  @Omittable()
  @IsInstant()
  recurrenceEndsAt?: string;
}

export class MeetingParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  meetingId!: string;
}

export class CancelMeetingQuery {
  @ApiPropertyOptional({
    example: '2026-12-14T18:00:00.000Z',
    description: 'Cancel only this occurrence of a weekly meeting; without it the whole meeting is deleted',
  })
  @Omittable()
  @IsInstant()
  occurrence?: string;
}

export class UpcomingQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 60, description: 'How many days ahead' })
  @Omittable()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(365)
  days: number = 60;
}
