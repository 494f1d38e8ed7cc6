import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { RoomModeBody } from './dto/room-mode.dto.js';
import { RoomModeView, RoomStateView } from './dto/room-mode.view.js';
import { RoomModeService } from './room-mode.service.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class RoomModeController {
  constructor(private readonly roomMode: RoomModeService) {}

  @Get('moderation/mode')
  @ApiOkResponse({ type: RoomStateView, description: 'The room mode, for members and facilitators' })
  mode(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.roomMode.mode(caller, id);
  }

  @Put('moderation/mode')
  @ApiOkResponse({ type: RoomModeView })
  setMode(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: RoomModeBody) {
    return this.roomMode.setMode(caller, id, dto);
  }
}
