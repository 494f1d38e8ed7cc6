import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { BlockedTermsService } from './blocked-terms.service.js';
import { BlockedTermDto, GroupTermParam } from './dto/blocked-term.dto.js';
import { BlockedTermView } from './dto/blocked-term.view.js';

/** A group's own word list, kept by its facilitators. */
@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class BlockedTermsController {
  constructor(private readonly blockedTerms: BlockedTermsService) {}

  @Get('blocked-terms')
  @ApiOkResponse({ type: [BlockedTermView] })
  terms(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.blockedTerms.groupTerms(caller, id);
  }

  @Post('blocked-terms')
  @ApiCreatedResponse({ type: BlockedTermView })
  addTerm(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: BlockedTermDto) {
    return this.blockedTerms.addTerm(caller, id, dto.term, dto.action);
  }

  @Delete('blocked-terms/:termId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  removeTerm(@Caller() caller: Caller, @Param() { id, termId }: GroupTermParam) {
    return this.blockedTerms.removeTerm(caller, id, termId);
  }
}
