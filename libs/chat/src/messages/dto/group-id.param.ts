import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class GroupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
