import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { NotificationPreferencesDto } from '@hearth/contracts';
import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { NotificationPreferencesBody } from './dto/notification-preferences.dto.js';
import { NotificationPreferencesView } from './dto/notification-preferences.view.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';

/** What I am told about, how, and when not. */
@ApiTags('notifications')
@Authenticated()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPreferencesView })
  get(@Caller() caller: Caller): Promise<NotificationPreferencesDto> {
    return this.preferences.get(caller);
  }

  @Patch()
  @ApiErrors(400)
  @ApiOkResponse({ type: NotificationPreferencesView, description: 'What is left out stays as it was' })
  update(
    @Caller() caller: Caller,
    @Body() body: NotificationPreferencesBody,
  ): Promise<NotificationPreferencesDto> {
    return this.preferences.update(caller, body);
  }
}
