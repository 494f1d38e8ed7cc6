import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { QuestionnaireDto, QuestionnaireSummaryDto } from '@hearth/contracts';
import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller, Roles } from '@hearth/identity';

import { Catalogue } from './catalogue.js';
import { InstrumentParam, LanguageQuery, WordingBody, WordingParams } from './dto/questionnaire.dto.js';
import { QuestionnaireSummaryView, QuestionnaireView } from '../views/questionnaire.views.js';

@ApiTags('questionnaires')
@Authenticated()
@ApiErrors(400, 404)
@Controller('questionnaires')
export class InstrumentsController {
  constructor(private readonly catalogue: Catalogue) {}

  @Get()
  @ApiOkResponse({
    type: [QuestionnaireSummaryView],
    description: 'Every instrument, and whether it is offered (the EPDS once installed)',
  })
  list(): Promise<QuestionnaireSummaryDto[]> {
    return this.catalogue.list();
  }

  @Get(':instrument')
  @ApiOkResponse({
    type: QuestionnaireView,
    description: 'Its questions and answers in the language asked for (or its other one)',
  })
  get(
    @Param() { instrument }: InstrumentParam,
    @Query() { language }: LanguageQuery,
  ): Promise<QuestionnaireDto> {
    return this.catalogue.get(instrument, language ?? 'en');
  }
}

/** Installing the words of a licensed instrument (the EPDS) under the clinic's licence. */
@ApiTags('admin')
@Roles('admin')
@ApiErrors(400, 404)
@Controller('admin/questionnaires')
export class AdminWordingController {
  constructor(private readonly catalogue: Catalogue) {}

  @Put(':instrument/wording/:language')
  @ApiOkResponse({ type: QuestionnaireView, description: 'The instrument as members will now see it' })
  install(
    @Caller() caller: Caller,
    @Param() { instrument, language }: WordingParams,
    @Body() body: WordingBody,
  ): Promise<QuestionnaireDto> {
    return this.catalogue.install(caller, instrument, language, {
      title: body.title,
      instructions: body.instructions,
      items: body.items.map((item) => item.text),
      options: body.items.map((item) => item.options),
    });
  }

  @Delete(':instrument/wording/:language')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  uninstall(@Param() { instrument, language }: WordingParams): Promise<void> {
    return this.catalogue.uninstall(instrument, language);
  }
}
