import { Omittable } from '@hearth/core';

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';

import { DisplayNameField, EmailField } from '../../users/dto/fields.js';
import type { Role } from '../../users/role.js';

export class CreateUserDto {
  @EmailField()
  email!: string;

  @DisplayNameField()
  displayName!: string;

  @ApiProperty({ enum: ['facilitator', 'member'] })
  @IsIn(['facilitator', 'member'])
  role!: Extract<Role, 'facilitator' | 'member'>;

  @ApiPropertyOptional({
    description: 'Initial password; when omitted a random one is generated and returned once',
  })
  @Omittable()
  @IsString()
  @MaxLength(1024)
  password?: string;
}
