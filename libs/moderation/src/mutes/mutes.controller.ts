import { Body, Controller, Delete, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam, GroupMemberParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { MuteDto } from './dto/mute.dto.js';
import { MuteView } from './dto/mute.view.js';
import { MutesService } from './mutes.service.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class MutesController {
  constructor(private readonly mutes: MutesService) {}

  @Post('moderation/mutes')
  @ApiCreatedResponse({
    type: MuteView,
    description: 'The member can read but not post or react until the mute ends',
  })
  mute(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: MuteDto) {
    return this.mutes.mute(caller, id, dto, dto.minutes, dto.reason);
  }

  @Delete('moderation/mutes/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  unmute(@Caller() caller: Caller, @Param() { id, userId }: GroupMemberParam) {
    return this.mutes.unmute(caller, id, userId);
  }
}
