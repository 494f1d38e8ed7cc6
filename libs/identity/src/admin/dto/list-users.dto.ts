import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

import { PageQuery } from '../../users/dto/page.dto.js';
import { ROLES, type Role } from '../../users/role.js';

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Part of an email or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
