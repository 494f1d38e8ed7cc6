import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SignInIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
