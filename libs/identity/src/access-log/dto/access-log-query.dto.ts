import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';

import { ACCESS_KINDS, type AccessKind } from '@hearth/contracts';

import { PageQuery } from '../../users/dto/page.dto.js';

/** A page of the log about me, newest first. */
export class MyAccessLogQuery extends PageQuery {}

export class AccessLogQuery extends MyAccessLogQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Whose records' })
  @IsOptional()
  @IsUUID()
  subjectUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Who saw or did it' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({ enum: ACCESS_KINDS })
  @IsOptional()
  @IsIn(ACCESS_KINDS)
  kind?: AccessKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this time (inclusive)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  since?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date;
}
