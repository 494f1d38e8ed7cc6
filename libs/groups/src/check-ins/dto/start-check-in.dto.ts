import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** A facilitator names the member (her membership in the group); a member asking for herself names no one. */
export class StartCheckInDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The member's membership in the group; only a facilitator names one. Omitted: the caller herself",
  })
  @IsOptional()
  @IsUUID()
  membershipId?: string;
}
