import { Omittable } from '@hearth/core';

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';

import { ROLES, type Role } from '../../users/role.js';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @Omittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    description: 'A disabled account cannot sign in or refresh; its sessions end at once',
  })
  @Omittable()
  @IsBoolean()
  disabled?: boolean;
}
