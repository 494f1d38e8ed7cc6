import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { PushSubscriptionDto } from '@hearth/contracts';
import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { PushSubscriptionBody, PushSubscriptionParam } from './dto/push-subscription.dto.js';
import { PushSubscriptionView } from './dto/push-subscription.view.js';
import { PushSubscriptionsService } from './push-subscriptions.service.js';

/** My devices that receive notifications by Web Push. */
@ApiTags('notifications')
@Authenticated()
@Controller('me/push-subscriptions')
export class PushSubscriptionsController {
  constructor(private readonly subscriptions: PushSubscriptionsService) {}

  @Get()
  @ApiOkResponse({ type: [PushSubscriptionView] })
  list(@Caller() caller: Caller): Promise<PushSubscriptionDto[]> {
    return this.subscriptions.list(caller);
  }

  @Post()
  @ApiErrors(400)
  @ApiCreatedResponse({
    type: PushSubscriptionView,
    description: 'This browser receives my notifications (subscribing it again updates it)',
  })
  subscribe(@Caller() caller: Caller, @Body() body: PushSubscriptionBody): Promise<PushSubscriptionDto> {
    return this.subscriptions.subscribe(caller, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiErrors(404)
  @ApiNoContentResponse({ description: 'The device receives nothing more' })
  remove(@Caller() caller: Caller, @Param() { id }: PushSubscriptionParam): Promise<void> {
    return this.subscriptions.remove(caller, id);
  }
}
