import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { QuestionnaireHistoryDto, QuestionnaireResponseDto } from '@hearth/contracts';
import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { FhirExport } from '../fhir/fhir-export.service.js';
import { LanguageQuery } from '../instruments/dto/questionnaire.dto.js';
import { ResponseIdParam, ResponsesQuery, SubmitResponseBody, TellBody } from './dto/response.dto.js';
import { ResponsesService } from './responses.service.js';
import { QuestionnaireHistoryView, QuestionnaireResponseView } from '../views/questionnaire.views.js';

@ApiTags('questionnaires')
@Authenticated()
@ApiErrors(400, 404, 409)
@Controller('me/questionnaires')
export class ResponsesController {
  constructor(
    private readonly responses: ResponsesService,
    private readonly fhir: FhirExport,
  ) {}

  @Post('responses')
  @ApiCreatedResponse({
    type: QuestionnaireResponseView,
    description:
      'Scored and sealed. An answer above zero on the self-harm item brings `safety`: the crisis lines, and ' +
      'whether a group’s facilitators were told (only when the group asked for it)',
  })
  submit(@Caller() caller: Caller, @Body() body: SubmitResponseBody): Promise<QuestionnaireResponseDto> {
    return this.responses.submit(caller, body);
  }

  @Get('responses')
  @ApiOkResponse({ type: [QuestionnaireResponseView], description: 'My responses, newest first' })
  list(@Caller() caller: Caller, @Query() query: ResponsesQuery): Promise<QuestionnaireResponseDto[]> {
    return this.responses.list(caller, query);
  }

  @Get('history')
  @ApiOkResponse({
    type: [QuestionnaireHistoryView],
    description: 'Per instrument, every score in order, with the change since the first',
  })
  history(
    @Caller() caller: Caller,
    @Query() { language }: LanguageQuery,
  ): Promise<QuestionnaireHistoryDto[]> {
    return this.responses.history(caller, language ?? 'en');
  }

  @Post('responses/:id/tell')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: QuestionnaireResponseView,
    description: 'A group’s facilitators now know of this self-harm answer (not the others)',
  })
  tell(
    @Caller() caller: Caller,
    @Param() { id }: ResponseIdParam,
    @Body() body: TellBody,
  ): Promise<QuestionnaireResponseDto> {
    return this.responses.tell(caller, id, body.groupId);
  }

  @Delete('responses/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@Caller() caller: Caller, @Param() { id }: ResponseIdParam): Promise<void> {
    return this.responses.remove(caller, id);
  }

  @Get('fhir')
  @ApiOkResponse({
    schema: {
      type: 'object',
      additionalProperties: true,
      example: { resourceType: 'Bundle', type: 'collection' },
    },
    description: 'A FHIR R4 Bundle of QuestionnaireResponse and score Observation resources',
  })
  export(@Caller() caller: Caller): Promise<Record<string, unknown>> {
    return this.fhir.bundle(caller.userId);
  }
}
