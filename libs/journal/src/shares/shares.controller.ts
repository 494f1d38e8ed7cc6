import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { IdParam, ShareDto } from './dto/share.dto.js';
import { SharedReflectionView, ShareView } from './dto/share.view.js';
import { SharesService } from './shares.service.js';

@ApiTags('journal')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller()
export class SharesController {
  constructor(private readonly shares: SharesService) {}

  @Post('journal/entries/:id/shares')
  @ApiCreatedResponse({
    type: ShareView,
    description: 'Shared; in a group it goes through moderation and crisis detection like any message',
  })
  share(@Caller() caller: Caller, @Param() { id }: IdParam, @Body() dto: ShareDto) {
    return this.shares.share(caller, id, dto.groupId, dto.target, dto.excerpt);
  }

  @Get('journal/shares')
  @ApiOkResponse({ type: [ShareView], description: 'What I shared, and where' })
  mine(@Caller() caller: Caller) {
    return this.shares.mine(caller);
  }

  @Delete('journal/shares/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description: 'Withdrawn: a tombstone in the group, gone from the facilitators’ view',
  })
  withdraw(@Caller() caller: Caller, @Param() { id }: IdParam) {
    return this.shares.withdraw(caller, id);
  }

  @Get('groups/:id/shared-reflections')
  @ApiOkResponse({
    type: [SharedReflectionView],
    description: "Reflections members shared privately with this group's facilitators",
  })
  forFacilitators(@Caller() caller: Caller, @Param() { id }: IdParam) {
    return this.shares.forFacilitators(caller, id);
  }
}
