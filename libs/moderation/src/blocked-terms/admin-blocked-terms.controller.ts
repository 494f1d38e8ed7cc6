import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Caller, Roles } from '@hearth/identity';

import { BlockedTermsService } from './blocked-terms.service.js';
import { BlockedTermDto, TermParam } from './dto/blocked-term.dto.js';
import { BlockedTermView } from './dto/blocked-term.view.js';

/** The platform-wide word list, for admins. */
@ApiTags('admin')
@Roles('admin')
@ApiErrors(400, 404, 409)
@Controller('admin')
export class AdminBlockedTermsController {
  constructor(private readonly blockedTerms: BlockedTermsService) {}

  @Get('blocked-terms')
  @ApiOkResponse({ type: [BlockedTermView], description: 'The platform-wide word list' })
  terms() {
    return this.blockedTerms.terms(null);
  }

  @Post('blocked-terms')
  @ApiCreatedResponse({ type: BlockedTermView })
  addTerm(@Caller() caller: Caller, @Body() dto: BlockedTermDto) {
    return this.blockedTerms.addTerm(caller, null, dto.term, dto.action);
  }

  @Delete('blocked-terms/:termId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  removeTerm(@Caller() caller: Caller, @Param() { termId }: TermParam) {
    return this.blockedTerms.removeTerm(caller, null, termId);
  }
}
