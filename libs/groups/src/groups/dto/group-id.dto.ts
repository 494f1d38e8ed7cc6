import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class GroupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class GroupMemberParam extends GroupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;
}
