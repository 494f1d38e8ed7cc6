import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class EraseAccountDto {
  @ApiProperty({ description: 'My current password, to confirm' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}
