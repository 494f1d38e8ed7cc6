import { ApiProperty } from '@nestjs/swagger';

import type { BlockedTermEntryDto } from '@hearth/contracts';

import { nullableUuid, uuid } from '../../common/dto/view-properties.js';

export class BlockedTermView implements BlockedTermEntryDto {
  @ApiProperty(uuid)
  id!: string;

  @ApiProperty({ ...nullableUuid, description: 'Null on the platform-wide list' })
  groupId!: string | null;

  @ApiProperty()
  term!: string;

  @ApiProperty({ enum: ['block', 'hold', 'flag'] })
  action!: BlockedTermEntryDto['action'];

  @ApiProperty(uuid)
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
