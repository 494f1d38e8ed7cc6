import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { MessageParam, MessageView } from '@hearth/chat';
import { Authenticated, Caller } from '@hearth/identity';

import { ReasonDto } from '../common/dto/reason.dto.js';
import { RemovalsService } from './removals.service.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class RemovalsController {
  constructor(private readonly removals: RemovalsService) {}

  @Post('moderation/messages/:messageId/remove')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: MessageView,
    description: 'The tombstone members now see; facilitators still see the text',
  })
  remove(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam, @Body() dto: ReasonDto) {
    return this.removals.removeMessage(caller, id, messageId, dto.reason);
  }
}
