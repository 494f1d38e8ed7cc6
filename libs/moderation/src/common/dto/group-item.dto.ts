import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

import { GroupIdParam } from '@hearth/groups';

export class GroupItemParam extends GroupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId!: string;
}
