import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

import { Omittable, Trim } from '@hearth/core';

import {
  GROUP_ROLES,
  MEMBERSHIP_STATUSES,
  type GroupRole,
  type MembershipStatus,
} from '../membership.entity.js';
import { PseudonymField } from '../pseudonym.js';

/** A note for the person affected: why they were removed, banned, declined. */
export const ReasonField = () => (target: object, property: string) => {
  ApiPropertyOptional({ maxLength: 1000, description: 'Told to the person affected' })(target, property);
  Omittable()(target, property);
  Trim()(target, property);
  IsString()(target, property);
  MaxLength(1000)(target, property);
};

export class ListMembersQuery {
  @ApiPropertyOptional({
    enum: MEMBERSHIP_STATUSES,
    description: 'Facilitators and admins may list any status; members see active members only',
  })
  @Omittable()
  @IsIn(MEMBERSHIP_STATUSES)
  status?: MembershipStatus;

  @ApiPropertyOptional({
    enum: ['peer'],
    description:
      'peer: the list as a peer sees it (active members, pseudonyms only), for staff too; no account is shown or logged',
  })
  @Omittable()
  @IsIn(['peer'])
  view?: 'peer';
}

export class UpdateMemberDto {
  @PseudonymField({ optional: true })
  pseudonym?: string;

  @ApiPropertyOptional({
    enum: GROUP_ROLES,
    description: 'Facilitators only; a facilitator needs a staff account',
  })
  @Omittable()
  @IsIn(GROUP_ROLES)
  role?: GroupRole;
}

export class EndMembershipDto {
  @ReasonField()
  reason?: string;
}

export class BanMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ReasonField()
  reason?: string;
}

export class AddFacilitatorDto {
  @ApiProperty({ format: 'uuid', description: 'An account whose platform role is facilitator or admin' })
  @IsUUID()
  userId!: string;

  @PseudonymField()
  pseudonym!: string;
}
