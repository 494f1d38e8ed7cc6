import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { GroupIdParam } from '../groups/dto/group-id.dto.js';
import { CheckInsService } from './check-ins.service.js';
import { CheckInView } from './dto/check-in.view.js';
import { StartCheckInDto } from './dto/start-check-in.dto.js';

@ApiTags('check-ins')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller()
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post('groups/:id/check-ins')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: CheckInView,
    description:
      "A facilitator checks in with a member (membershipId), or a member asks to talk to the group's facilitators. " +
      'While one is open for that member and group, the same one is answered.',
  })
  start(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Body() dto: StartCheckInDto,
  ): Promise<CheckInView> {
    return this.checkIns.start(caller, id, dto);
  }

  @Get('check-ins')
  @ApiOkResponse({ type: [CheckInView], description: 'The check-ins I take part in, open ones first' })
  list(@Caller() caller: Caller): Promise<CheckInView[]> {
    return this.checkIns.list(caller);
  }

  @Get('check-ins/:id')
  @ApiOkResponse({
    type: CheckInView,
    description:
      'Its member and facilitators; an admin only after one of its incidents was escalated (logged)',
  })
  get(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<CheckInView> {
    return this.checkIns.get(caller, id);
  }

  @Post('check-ins/:id/close')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CheckInView, description: 'Read-only from now on; a new one can be opened later' })
  close(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<CheckInView> {
    return this.checkIns.close(caller, id);
  }
}
