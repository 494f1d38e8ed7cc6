import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { AcceptsLanguage, ApiErrors, RequestLanguage, type SpokenLanguage } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { GroupPromptDto, TimezoneQuery } from './dto/prompt.dto.js';
import { DuePromptView, PromptView, TodayPromptView } from './dto/prompt.view.js';
import { PromptsService } from './prompts.service.js';

@ApiTags('journal')
@Authenticated()
@ApiErrors(400, 403, 404)
@Controller()
export class PromptsController {
  constructor(private readonly prompts: PromptsService) {}

  @Get('journal/prompts')
  @ApiOkResponse({ type: [PromptView], description: 'The library and my groups’ prompts' })
  @AcceptsLanguage()
  available(@Caller() caller: Caller, @RequestLanguage() language: SpokenLanguage) {
    return this.prompts.available(caller, language);
  }

  @Get('journal/prompts/today')
  @ApiOkResponse({
    type: TodayPromptView,
    description: 'The same prompt all day for me; chosen deterministically per person and day',
  })
  @AcceptsLanguage()
  today(
    @Caller() caller: Caller,
    @Query() { tz }: TimezoneQuery,
    @RequestLanguage() language: SpokenLanguage,
  ) {
    return this.prompts.today(caller, tz, language);
  }

  @Get('journal/prompts/due')
  @ApiOkResponse({
    type: [DuePromptView],
    description: 'Prompts due after my recent sessions and not yet answered',
  })
  @AcceptsLanguage()
  due(@Caller() caller: Caller, @Query() { tz }: TimezoneQuery, @RequestLanguage() language: SpokenLanguage) {
    return this.prompts.due(caller, tz, language);
  }

  @Post('groups/:id/prompts')
  @ApiCreatedResponse({ type: PromptView, description: "A prompt for this group's members (facilitators)" })
  add(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: GroupPromptDto) {
    return this.prompts.addToGroup(caller, id, dto.text, dto.daysAfterSession);
  }
}
