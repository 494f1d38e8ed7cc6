import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Robin', minLength: 1, maxLength: 80 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  @Matches(/^[^\p{Cc}\p{Cf}]*$/u, { message: 'displayName must not contain control characters' })
  displayName?: string;

  @ApiPropertyOptional({ description: 'Required with newPassword' })
  @ValidateIf((dto: UpdateMeDto) => dto.newPassword !== undefined || dto.currentPassword !== undefined)
  @IsString()
  @MaxLength(1024)
  currentPassword?: string;

  @ApiPropertyOptional({
    description: 'At least 12 characters, not a common password. Signs out your other devices.',
  })
  @ValidateIf((dto: UpdateMeDto) => dto.newPassword !== undefined || dto.currentPassword !== undefined)
  @IsString()
  @MaxLength(1024)
  newPassword?: string;
}
