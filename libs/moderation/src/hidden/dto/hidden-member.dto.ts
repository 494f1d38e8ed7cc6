import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

import { GroupIdParam } from '@hearth/groups';

export class HideMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  membershipId!: string;
}

export class HiddenMemberParam extends GroupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  membershipId!: string;
}
