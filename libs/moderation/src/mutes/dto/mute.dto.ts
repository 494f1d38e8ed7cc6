import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';

import { ReasonDto } from '../../common/dto/reason.dto.js';

export class MuteDto extends ReasonDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The member’s account; or give `membershipId`' })
  @ValidateIf((dto: MuteDto) => dto.membershipId === undefined)
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The member as the room names them (a message’s author)',
  })
  @IsOptional()
  @IsUUID()
  membershipId?: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 5,
    maximum: 10080,
    description: 'Minutes; null until lifted',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsInt()
  @Min(5)
  @Max(10080)
  minutes!: number | null;
}
