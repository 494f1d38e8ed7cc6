import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { QuestionnaireCadenceDto } from '@hearth/contracts';
import { AcceptsLanguage, ApiErrors, RequestLanguage, type SpokenLanguage } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { InstrumentParam } from '../instruments/dto/questionnaire.dto.js';
import { Cadences } from './cadences.service.js';
import { AssignmentBody, AssignmentParams, RhythmBody } from './dto/cadence.dto.js';
import { QuestionnaireCadenceView } from '../views/questionnaire.views.js';

@ApiTags('questionnaires')
@Authenticated()
@ApiErrors(400, 404)
@Controller('me/questionnaires')
export class MyCadencesController {
  constructor(private readonly cadences: Cadences) {}

  @Get('cadences')
  @ApiOkResponse({
    type: [QuestionnaireCadenceView],
    description: 'My own schedules and my groups’ assignments, with since when each is due',
  })
  mine(@Caller() caller: Caller): Promise<QuestionnaireCadenceDto[]> {
    return this.cadences.mine(caller);
  }

  @Put('schedules/:instrument')
  @ApiOkResponse({ type: QuestionnaireCadenceView, description: 'Remind me every so many days' })
  schedule(
    @Caller() caller: Caller,
    @Param() { instrument }: InstrumentParam,
    @Body() body: RhythmBody,
  ): Promise<QuestionnaireCadenceDto> {
    return this.cadences.schedule(caller, instrument, body.everyDays);
  }

  @Delete('schedules/:instrument')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  unschedule(@Caller() caller: Caller, @Param() { instrument }: InstrumentParam): Promise<void> {
    return this.cadences.unschedule(caller, instrument);
  }
}

@ApiTags('questionnaires')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id/questionnaires/assignments')
export class AssignmentsController {
  constructor(private readonly cadences: Cadences) {}

  @Get()
  @ApiOkResponse({
    type: [QuestionnaireCadenceView],
    description: 'What this group asks its members to complete',
  })
  list(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<QuestionnaireCadenceDto[]> {
    return this.cadences.assignments(caller, id);
  }

  @Post()
  @ApiCreatedResponse({
    type: QuestionnaireCadenceView,
    description: 'Asked of every member; the agreement says so in a new version, in the request’s language',
  })
  @AcceptsLanguage()
  assign(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Body() body: AssignmentBody,
    @RequestLanguage() language: SpokenLanguage,
  ): Promise<QuestionnaireCadenceDto> {
    return this.cadences.assign(caller, id, body.instrument, body.everyDays, language);
  }

  @Delete(':assignmentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'No longer asked; the agreement says so in a new version' })
  @AcceptsLanguage()
  unassign(
    @Caller() caller: Caller,
    @Param() { id, assignmentId }: AssignmentParams,
    @RequestLanguage() language: SpokenLanguage,
  ): Promise<void> {
    return this.cadences.unassign(caller, id, assignmentId, language);
  }
}
