import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { RetentionDto } from './dto/retention.dto.js';
import { RetentionService } from './retention.service.js';

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
