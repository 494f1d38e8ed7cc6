import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors, ErrorBody } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { GroupIdParam } from '../groups/dto/group-id.dto.js';
import { AgreementsService } from './agreements.service.js';
import { AcceptAgreementDto, PublishAgreementDto } from './dto/agreement.dto.js';
import { AcceptanceView, AcceptedView, AgreementView } from './dto/agreement.view.js';

@ApiTags('agreements')
@Authenticated()
@ApiErrors(400, 403, 404)
@Controller('groups/:id/agreement')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get()
  @ApiOkResponse({ type: AgreementView, description: 'The current version' })
  current(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<AgreementView> {
    return this.agreements.current(caller, id);
  }

  @Put()
  @ApiOkResponse({
    type: AgreementView,
    description: 'A new version; every member must accept it again to post',
  })
  @ApiConflictResponse({ type: ErrorBody })
  publish(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Body() dto: PublishAgreementDto,
  ): Promise<AgreementView> {
    return this.agreements.publish(caller, id, dto.text);
  }

  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AcceptedView })
  @ApiConflictResponse({ type: ErrorBody, description: 'Not the current version' })
  accept(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Body() dto: AcceptAgreementDto,
  ): Promise<AcceptedView> {
    return this.agreements.accept(caller, id, dto.version);
  }

  @Get('acceptances')
  @ApiOkResponse({
    type: [AcceptanceView],
    description: 'Who accepted which version and when (facilitators)',
  })
  acceptances(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<AcceptanceView[]> {
    return this.agreements.acceptances(caller, id);
  }
}
