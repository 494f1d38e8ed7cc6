import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { ScoreShareDto, SharedScoresDto } from '@hearth/contracts';
import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { LanguageQuery } from '../instruments/dto/questionnaire.dto.js';
import { SharingService } from './sharing.service.js';
import { ScoreShareView, SharedScoresView } from '../views/questionnaire.views.js';

@ApiTags('questionnaires')
@Authenticated()
@ApiErrors(400, 404)
@Controller('me/questionnaires/sharing')
export class MySharingController {
  constructor(private readonly sharing: SharingService) {}

  @Get()
  @ApiOkResponse({ type: [ScoreShareView], description: 'The groups whose facilitators see my scores' })
  mine(@Caller() caller: Caller): Promise<ScoreShareDto[]> {
    return this.sharing.mine(caller);
  }

  @Put(':id')
  @ApiOkResponse({ type: ScoreShareView, description: 'This group’s facilitators see my scores from now on' })
  share(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<ScoreShareDto> {
    return this.sharing.share(caller, id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Withdrawn, at once' })
  withdraw(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<void> {
    return this.sharing.withdraw(caller, id);
  }
}

@ApiTags('questionnaires')
@Authenticated()
@ApiErrors(400, 403, 404)
@Controller('groups/:id/questionnaires/shared')
export class SharedScoresController {
  constructor(private readonly sharing: SharingService) {}

  @Get()
  @ApiOkResponse({
    type: [SharedScoresView],
    description: 'For facilitators: the members who share their scores with this group',
  })
  shared(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Query() { language }: LanguageQuery,
  ): Promise<SharedScoresDto[]> {
    return this.sharing.shared(caller, id, language ?? 'en');
  }
}
