import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

import { ROLES, type Role } from '../../users/role.js';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    description: 'A disabled account cannot sign in or refresh; its sessions end at once',
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
