import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min, ValidateIf } from 'class-validator';

import { ReasonDto } from '../../common/dto/reason.dto.js';

export class MuteDto extends ReasonDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

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
