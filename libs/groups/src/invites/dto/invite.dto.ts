import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

import { Omittable, Trim } from '@hearth/core';

import { PseudonymField } from '../../memberships/pseudonym.js';

export class CreateInviteDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 2160,
    default: 168,
    description: 'Hours until it expires (default a week)',
  })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(2160)
  expiresInHours: number = 168;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 200,
    description: 'How many people may use it; unlimited when absent',
  })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(200)
  maxUses?: number;

  @ApiPropertyOptional({ maxLength: 80, description: 'A note for facilitators, e.g. "for Dana"' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(80)
  label?: string;
}

export class RedeemInviteDto {
  @PseudonymField()
  pseudonym!: string;
}

export class InviteCodeParam {
  @ApiProperty({ description: 'The code from the invitation link' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'code is not an invitation code' })
  code!: string;
}

export class InviteParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  inviteId!: string;
}
