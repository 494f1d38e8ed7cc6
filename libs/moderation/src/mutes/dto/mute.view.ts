import { ApiProperty } from '@nestjs/swagger';

import { nullableText, nullableTime, nullableUuid, uuid } from '../../common/dto/view-properties.js';

/** A mute as stored (JSON dates). */
export class MuteView {
  @ApiProperty(uuid)
  id!: string;

  @ApiProperty(uuid)
  groupId!: string;

  @ApiProperty(uuid)
  userId!: string;

  @ApiProperty(uuid)
  mutedBy!: string;

  @ApiProperty(nullableText)
  reason!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ ...nullableTime, description: 'Null: until a facilitator lifts it' })
  endsAt!: string | null;

  @ApiProperty(nullableTime)
  liftedAt!: string | null;

  @ApiProperty(nullableUuid)
  liftedBy!: string | null;
}
