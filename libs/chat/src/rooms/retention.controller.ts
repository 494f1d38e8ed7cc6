import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { RetentionService } from './retention.service.js';

export class RetentionDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 3650,
    description: 'Days to keep messages; null keeps them',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(3650)
  days!: number | null;
}

@ApiTags('messages')
@Authenticated()
@ApiErrors(400, 403)
@Controller('groups/:id/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @ApiOkResponse({ type: RetentionDto })
  get(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<RetentionDto> {
    return this.retention.get(caller, id);
  }

  @Put()
  @ApiOkResponse({
    type: RetentionDto,
    description: 'Facilitators: older messages are deleted by the daily job',
  })
  set(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Body() dto: RetentionDto,
  ): Promise<RetentionDto> {
    return this.retention.set(caller, id, dto.days);
  }
}
