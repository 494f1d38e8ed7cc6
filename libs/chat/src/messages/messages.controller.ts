import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';
import type { MessageDto } from '@hearth/contracts';

import { MessageHistory } from './message-history.js';
import { MessagePageQuery, MessageParam } from './dto/message.dto.js';
import { MessageView, MessageWithHistoryView } from './dto/message.view.js';

@ApiTags('messages')
@Authenticated()
@ApiErrors(400, 403, 404)
@Controller('groups/:id/messages')
export class MessagesController {
  constructor(private readonly history: MessageHistory) {}

  @Get()
  @ApiOkResponse({ type: [MessageView], description: 'A page by seq cursor, oldest first' })
  page(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Query() query: MessagePageQuery,
  ): Promise<MessageDto[]> {
    return this.history.page(caller, id, query);
  }

  @Get(':messageId')
  @ApiOkResponse({ type: MessageWithHistoryView })
  one(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam): Promise<MessageWithHistoryView> {
    return this.history.one(caller, id, messageId);
  }
}
