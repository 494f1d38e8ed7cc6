import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { MemberDto } from '@hearth/contracts';

import {
  GROUP_ROLES,
  MEMBERSHIP_STATUSES,
  type GroupRole,
  type MembershipStatus,
} from '../membership.entity.js';

/** Who is behind a pseudonym: shown to the group's facilitators and to admins only. */
export class MemberAccountView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;
}

/** A member as others in the group see them. Peers see the pseudonym only, never the account. */
export class MemberView implements MemberDto {
  @ApiProperty({ format: 'uuid' })
  membershipId!: string;

  @ApiProperty({ nullable: true, type: String })
  pseudonym!: string | null;

  @ApiProperty({ enum: GROUP_ROLES })
  role!: GroupRole;

  @ApiProperty({ enum: MEMBERSHIP_STATUSES })
  status!: MembershipStatus;

  @ApiProperty({ nullable: true, type: String })
  joinedAt!: string | null;

  @ApiPropertyOptional({ type: MemberAccountView, description: 'Facilitators and admins only' })
  account?: MemberAccountView;

  @ApiPropertyOptional({ description: 'Facilitators and admins only: the agreement version accepted' })
  agreementVersion?: number | null;

  @ApiPropertyOptional({ description: 'Facilitators and admins only: why the membership ended' })
  endedReason?: string | null;
}
