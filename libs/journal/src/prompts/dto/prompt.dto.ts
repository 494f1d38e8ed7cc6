import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export class TimezoneQuery {
  @ApiPropertyOptional({ default: 'UTC', example: 'America/Chicago' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tz: string = 'UTC';
}

export class GroupPromptDto {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 60,
    description: 'Suggest it this many days after a session',
  })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(0)
  @Max(60)
  daysAfterSession: number | null = null;
}
