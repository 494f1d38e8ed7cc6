import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { Trim } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';

import { TERM_ACTIONS, type TermAction } from '../../text/blocked-terms.js';

export class BlockedTermDto {
  @ApiProperty({ maxLength: 100, example: 'buy now' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  term!: string;

  @ApiProperty({
    enum: TERM_ACTIONS,
    description: 'block: refused; hold: reviewed first; flag: posted and reported',
  })
  @IsIn(TERM_ACTIONS)
  action!: TermAction;
}

export class TermParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  termId!: string;
}

export class GroupTermParam extends GroupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  termId!: string;
}
