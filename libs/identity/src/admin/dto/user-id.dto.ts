import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class UserIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
