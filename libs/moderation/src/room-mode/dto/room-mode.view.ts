import { ApiProperty } from '@nestjs/swagger';

import type { RoomModeDto, RoomStateDto } from '@hearth/contracts';

import { nullableTime } from '../../common/dto/view-properties.js';

const ROOM_MODES = ['open', 'read_only', 'slow'] as const;

export class RoomModeView implements RoomModeDto {
  @ApiProperty({ enum: ROOM_MODES })
  mode!: RoomModeDto['mode'];

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'With slow: seconds between two posts of a member',
  })
  slowSeconds!: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Members newer than this many days are premoderated',
  })
  premoderateDays!: number | null;
}

export class RoomStateView extends RoomModeView implements RoomStateDto {
  @ApiProperty({ description: 'Whether a facilitator has muted me in this group' })
  muted!: boolean;

  @ApiProperty({
    ...nullableTime,
    description: 'When my mute ends; null when muted until lifted, or not muted',
  })
  mutedUntil!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "The facilitator's reason for my mute; null when not muted or none was given",
  })
  muteReason!: string | null;
}
