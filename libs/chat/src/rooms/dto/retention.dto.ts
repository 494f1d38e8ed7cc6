import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

export class RetentionDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 3650,
    description: 'Days to keep messages; null keeps them',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(3650)
  days!: number | null;
}
