import { ApiProperty } from '@nestjs/swagger';

import type { CheckInDto } from '@hearth/contracts';

export class CheckInMemberView {
  @ApiProperty({ format: 'uuid', description: 'Her membership in the check-in' })
  membershipId!: string;

  @ApiProperty({ nullable: true, type: String })
  pseudonym!: string | null;
}

/** A check-in as its member, its facilitators (or an admin after an escalation) see it. */
export class CheckInView implements CheckInDto {
  @ApiProperty({ format: 'uuid', description: "The conversation's id: use it as the group id for messages" })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The group whose facilitators take part' })
  groupId!: string;

  @ApiProperty()
  groupName!: string;

  @ApiProperty({ type: CheckInMemberView })
  member!: CheckInMemberView;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: 'open' | 'closed';

  @ApiProperty({ enum: ['facilitator', 'member'] })
  startedBy!: 'facilitator' | 'member';

  @ApiProperty({ description: 'Whether the caller is its member' })
  mine!: boolean;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  closedAt!: string | null;
}
