import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { MessageParam, MessageView } from '@hearth/chat';
import { Authenticated, Caller } from '@hearth/identity';

import { OptionalNoteDto } from './dto/optional-note.dto.js';
import { HeldMessagesService } from './held-messages.service.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class HeldMessagesController {
  constructor(private readonly held: HeldMessagesService) {}

  @Post('moderation/held/:messageId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MessageView, description: 'Posted now, at the end of the timeline' })
  approve(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam, @Body() dto: OptionalNoteDto) {
    return this.held.approveHeld(caller, id, messageId, dto.note);
  }

  @Post('moderation/held/:messageId/reject')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  reject(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam, @Body() dto: OptionalNoteDto) {
    return this.held.rejectHeld(caller, id, messageId, dto.note);
  }
}
