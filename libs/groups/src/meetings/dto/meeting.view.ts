import { ApiProperty } from '@nestjs/swagger';

import type { MeetingDto, OccurrenceDto } from '@hearth/contracts';

export class OccurrenceView implements OccurrenceDto {
  @ApiProperty({ format: 'uuid' })
  meetingId!: string;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty()
  groupName!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'UTC' })
  startsAt!: string;

  @ApiProperty({ description: 'UTC' })
  endsAt!: string;

  @ApiProperty({ description: "In the group's time zone" })
  startsAtLocal!: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  timezone!: string;

  @ApiProperty({ nullable: true, type: String })
  location!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Active members only: null while my membership waits for the agreement',
  })
  videoUrl!: string | null;

  @ApiProperty({ nullable: true, enum: ['weekly'], description: 'weekly: one occurrence of a series' })
  recurrence!: 'weekly' | null;
}

export class MeetingView implements MeetingDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'First occurrence, UTC' })
  startsAt!: string;

  @ApiProperty({ description: "First occurrence in the group's time zone" })
  startsAtLocal!: string;

  @ApiProperty()
  timezone!: string;

  @ApiProperty()
  durationMinutes!: number;

  @ApiProperty({ nullable: true, type: String })
  location!: string | null;

  @ApiProperty({ nullable: true, type: String })
  videoUrl!: string | null;

  @ApiProperty({ nullable: true, enum: ['weekly'] })
  recurrence!: 'weekly' | null;

  @ApiProperty({ nullable: true, type: String })
  recurrenceEndsAt!: string | null;

  @ApiProperty({ type: [String], description: 'Cancelled occurrences, UTC' })
  cancelledOccurrences!: string[];

  @ApiProperty({ type: [String], description: 'The next (up to 10) occurrences, UTC' })
  upcoming!: string[];
}
