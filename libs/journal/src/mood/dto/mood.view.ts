import { ApiProperty } from '@nestjs/swagger';

import type { MoodBucketDto, MoodCheckinViewDto, MoodStatDto } from '@hearth/contracts';

export class Stat implements MoodStatDto {
  @ApiProperty()
  mean!: number;

  @ApiProperty()
  min!: number;

  @ApiProperty()
  max!: number;
}

export class MoodBucket implements MoodBucketDto {
  @ApiProperty({ example: '2026-11-30', description: 'First day of the bucket, in the requested time zone' })
  start!: string;

  @ApiProperty()
  count!: number;

  @ApiProperty({ type: Stat })
  mood!: Stat;

  @ApiProperty({ type: Stat, nullable: true })
  energy!: Stat | null;

  @ApiProperty({ type: Stat, nullable: true })
  sleepHours!: Stat | null;
}

export class MoodCheckinView implements MoodCheckinViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  at!: string;

  @ApiProperty()
  mood!: number;

  @ApiProperty({ nullable: true, type: Number })
  energy!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  sleepHours!: number | null;

  @ApiProperty({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ nullable: true, type: String })
  entryId!: string | null;
}
