import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Caller, Roles } from '@hearth/identity';

import { QueueItemView } from './dto/queue-item.view.js';
import { QueueService } from './queue.service.js';

/** The queue across every group, for admins. */
@ApiTags('admin')
@Roles('admin')
@ApiErrors(400, 404, 409)
@Controller('admin')
export class AdminQueueController {
  constructor(private readonly queue: QueueService) {}

  @Get('moderation/queue')
  @ApiOkResponse({
    type: [QueueItemView],
    description: "Every group's open reports, held messages and incidents, oldest first",
  })
  allQueues(@Caller() caller: Caller) {
    return this.queue.all(caller);
  }
}
