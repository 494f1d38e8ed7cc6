import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';

export class RoomModeBody {
  @ApiProperty({ enum: ['open', 'read_only', 'slow'] })
  @IsIn(['open', 'read_only', 'slow'])
  mode!: 'open' | 'read_only' | 'slow';

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 5,
    maximum: 3600,
    description: 'Required with slow',
  })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(5)
  @Max(3600)
  slowSeconds: number | null = null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 90,
    description: 'Hold messages of newer members; null: off',
  })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  @Max(90)
  premoderateDays: number | null = null;
}
