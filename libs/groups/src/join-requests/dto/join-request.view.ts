import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { JoinRequestDto } from '@hearth/contracts';

import { JOIN_REQUEST_STATUSES, type JoinRequestStatus } from '../join-request.entity.js';

export class JoinRequestView implements JoinRequestDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty()
  pseudonym!: string;

  @ApiProperty({ nullable: true, type: String })
  message!: string | null;

  @ApiProperty({ enum: JOIN_REQUEST_STATUSES })
  status!: JoinRequestStatus;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  decidedAt!: string | null;

  @ApiProperty({ nullable: true, type: String, description: "The facilitator's note to the applicant" })
  decisionNote!: string | null;

  @ApiPropertyOptional({ description: 'Facilitators and admins only: who is asking' })
  applicant?: { userId: string; displayName: string; email: string };
}
