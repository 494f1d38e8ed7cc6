import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { GroupDto, MyMembershipDto, NextMeetingDto } from '@hearth/contracts';

import {
  CHECK_IN_KIND,
  GROUP_KINDS,
  GROUP_VISIBILITIES,
  type GroupKind,
  type GroupStatus,
  type GroupVisibility,
} from '../group.entity.js';
import {
  GROUP_ROLES,
  MEMBERSHIP_STATUSES,
  type GroupRole,
  type MembershipStatus,
} from '../../memberships/membership.entity.js';

export class NextMeetingView implements NextMeetingDto {
  @ApiProperty({ format: 'uuid' })
  meetingId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ example: '2026-12-07T18:00:00.000Z', description: 'UTC' })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-07T19:00:00+01:00', description: "In the group's time zone" })
  startsAtLocal!: string;

  @ApiProperty()
  durationMinutes!: number;
}

/** The caller's own place in the group. */
export class MyMembershipView implements MyMembershipDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: GROUP_ROLES })
  role!: GroupRole;

  @ApiProperty({ enum: MEMBERSHIP_STATUSES })
  status!: MembershipStatus;

  @ApiProperty({ nullable: true, type: String })
  pseudonym!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'The agreement version I last accepted' })
  agreementVersion!: number | null;

  @ApiProperty({ description: 'True when I must accept the current agreement before posting' })
  consentRequired!: boolean;

  @ApiPropertyOptional({ description: 'Why my membership ended (left, removed, banned)' })
  endedReason?: string;

  @ApiPropertyOptional({ description: 'What the facilitator told me when removing or banning me' })
  endedNote?: string;
}

/** A group's card: what anyone who may see the group sees, plus my membership if I have one. */
export class GroupView implements GroupDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: [...GROUP_KINDS, CHECK_IN_KIND] })
  kind!: GroupKind;

  @ApiProperty({ nullable: true, type: String, example: '2027-03-31', description: 'Last day of a cohort' })
  endsOn!: string | null;

  @ApiProperty({ enum: GROUP_VISIBILITIES })
  visibility!: GroupVisibility;

  @ApiProperty()
  capacity!: number;

  @ApiProperty()
  seatsLeft!: number;

  @ApiProperty({ enum: ['active', 'archived'] })
  status!: GroupStatus;

  @ApiProperty({ example: 'Europe/Berlin' })
  timezone!: string;

  @ApiProperty({ description: 'The current agreement version' })
  agreementVersion!: number;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ type: NextMeetingView, nullable: true })
  nextMeeting!: NextMeetingView | null;

  @ApiProperty({ type: MyMembershipView, nullable: true })
  membership!: MyMembershipView | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Messages by others I have not read (active members)',
  })
  unread!: number | null;

  @ApiPropertyOptional({
    description:
      'Admins only: active facilitators whose account can act as one now (enabled, facilitator or admin); at 0 crisis alerts reach only admins',
  })
  activeFacilitators?: number;
}

export class GroupPageView {
  @ApiProperty({ type: [GroupView] })
  items!: GroupView[];
}
