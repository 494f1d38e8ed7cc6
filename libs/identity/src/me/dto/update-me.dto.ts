import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateIf } from 'class-validator';

import { DisplayNameField } from '../../users/dto/fields.js';

export class UpdateMeDto {
  @DisplayNameField({ optional: true })
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
