import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { ACCESS_KINDS, type AccessKind } from '@hearth/contracts';

export class MyAccessLogQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

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
