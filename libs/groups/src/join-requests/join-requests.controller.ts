import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { GroupIdParam } from '../groups/dto/group-id.dto.js';
import {
  CreateJoinRequestDto,
  DecideJoinRequestDto,
  JoinRequestParam,
  ListJoinRequestsQuery,
} from './dto/join-request.dto.js';
import { JoinRequestView } from './dto/join-request.view.js';
import { JoinRequestsService } from './join-requests.service.js';

@ApiTags('join requests')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id/join-requests')
export class JoinRequestsController {
  constructor(private readonly requests: JoinRequestsService) {}

  @Post()
  @ApiCreatedResponse({ type: JoinRequestView })
  create(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Body() dto: CreateJoinRequestDto,
  ): Promise<JoinRequestView> {
    return this.requests.create(caller, id, dto);
  }

  @Get()
  @ApiOkResponse({ type: [JoinRequestView], description: 'Facilitators see all; applicants see their own' })
  list(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Query() query: ListJoinRequestsQuery,
  ): Promise<JoinRequestView[]> {
    return this.requests.list(caller, id, query);
  }

  @Post(':requestId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: JoinRequestView,
    description: 'A seat is taken; the applicant accepts the agreement next',
  })
  approve(
    @Caller() caller: Caller,
    @Param() { id, requestId }: JoinRequestParam,
    @Body() dto: DecideJoinRequestDto,
  ): Promise<JoinRequestView> {
    return this.requests.approve(caller, id, requestId, dto.note);
  }

  @Post(':requestId/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: JoinRequestView })
  decline(
    @Caller() caller: Caller,
    @Param() { id, requestId }: JoinRequestParam,
    @Body() dto: DecideJoinRequestDto,
  ): Promise<JoinRequestView> {
    return this.requests.decline(caller, id, requestId, dto.note);
  }

  @Delete(':requestId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The applicant withdrew their request' })
  withdraw(@Caller() caller: Caller, @Param() { id, requestId }: JoinRequestParam): Promise<void> {
    return this.requests.withdraw(caller, id, requestId);
  }
}
