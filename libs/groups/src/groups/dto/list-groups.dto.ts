import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

import { Omittable } from '@hearth/core';

export const GROUP_SCOPES = ['mine', 'discover', 'all'] as const;

export class ListGroupsQuery {
  @ApiPropertyOptional({
    enum: GROUP_SCOPES,
    default: 'mine',
    description:
      'mine: groups I belong to or am joining; discover: listed, active groups; all: every group (admins)',
  })
  @Omittable()
  @IsIn(GROUP_SCOPES)
  scope: (typeof GROUP_SCOPES)[number] = 'mine';
}
