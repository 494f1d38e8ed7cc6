import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { MessageParam, MessageView } from '@hearth/chat';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { PinsService } from './pins.service.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class PinsController {
  constructor(private readonly pinned: PinsService) {}

  @Get('pins')
  @ApiOkResponse({ type: [MessageView], description: 'Pinned messages, newest pin first' })
  pins(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.pinned.pins(caller, id);
  }

  @Put('pins/:messageId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  pin(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam) {
    return this.pinned.pin(caller, id, messageId);
  }

  @Delete('pins/:messageId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  unpin(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam) {
    return this.pinned.unpin(caller, id, messageId);
  }
}
