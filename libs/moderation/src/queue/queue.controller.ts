import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { QueueItemView } from './dto/queue-item.view.js';
import { QueueService } from './queue.service.js';

/** What is waiting for this group's facilitators. */
@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Get('moderation/queue')
  @ApiOkResponse({
    type: [QueueItemView],
    description: 'Open reports, held messages and open crisis incidents, oldest first',
  })
  queueOf(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.queue.forGroup(caller, id);
  }
}
