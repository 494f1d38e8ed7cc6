import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { GroupIdParam } from '@hearth/groups';

export class MessagePageQuery {
  @ApiPropertyOptional({ description: 'Messages with a smaller seq (scroll back)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  before?: number;

  @ApiPropertyOptional({ description: 'Messages with a larger seq (catch up); wins over `before`' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;
}

export class MessageParam extends GroupIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  messageId!: string;
}
