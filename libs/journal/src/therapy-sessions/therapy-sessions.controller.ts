import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { CreateSessionDto, SessionIdParam, UpdateSessionDto } from './dto/therapy-session.dto.js';
import { SessionView } from './dto/therapy-session.view.js';
import { TherapySessionsService } from './therapy-sessions.service.js';

@ApiTags('journal')
@Authenticated()
@ApiErrors(400, 404)
@Controller('journal/sessions')
export class TherapySessionsController {
  constructor(private readonly sessions: TherapySessionsService) {}

  @Post()
  @ApiCreatedResponse({ type: SessionView })
  create(@Caller() caller: Caller, @Body() dto: CreateSessionDto): Promise<SessionView> {
    return this.sessions.create(caller, dto);
  }

  @Get()
  @ApiOkResponse({ type: [SessionView] })
  list(@Caller() caller: Caller): Promise<SessionView[]> {
    return this.sessions.list(caller);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SessionView })
  update(
    @Caller() caller: Caller,
    @Param() { id }: SessionIdParam,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionView> {
    return this.sessions.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@Caller() caller: Caller, @Param() { id }: SessionIdParam): Promise<void> {
    return this.sessions.remove(caller, id);
  }
}
