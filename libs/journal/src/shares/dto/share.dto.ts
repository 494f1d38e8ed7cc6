import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { Omittable } from '@hearth/core';

export class ShareDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  groupId!: string;

  @ApiProperty({
    enum: ['group', 'facilitators'],
    description: "Into the group's conversation, or privately to its facilitators",
  })
  @IsIn(['group', 'facilitators'])
  target!: 'group' | 'facilitators';

  @ApiPropertyOptional({
    maxLength: 4000,
    description: 'A passage of the entry; the whole entry when absent',
  })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  excerpt?: string;
}

export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
