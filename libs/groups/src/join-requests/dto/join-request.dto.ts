import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

import { Omittable, Trim } from '@hearth/core';

import { ReasonField } from '../../memberships/dto/membership.dto.js';
import { PseudonymField } from '../../memberships/pseudonym.js';
import { JOIN_REQUEST_STATUSES, type JoinRequestStatus } from '../join-request.entity.js';

export class CreateJoinRequestDto {
  @PseudonymField()
  pseudonym!: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'A few words to the facilitators' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(1000)
  message?: string;
}

export class DecideJoinRequestDto {
  @ReasonField()
  note?: string;
}

export class ListJoinRequestsQuery {
  @ApiPropertyOptional({ enum: JOIN_REQUEST_STATUSES })
  @Omittable()
  @IsIn(JOIN_REQUEST_STATUSES)
  status?: JoinRequestStatus;
}

export class JoinRequestParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  requestId!: string;
}
