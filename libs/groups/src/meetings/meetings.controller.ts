import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { GroupIdParam } from '../groups/dto/group-id.dto.js';
import { CancelMeetingQuery, CreateMeetingDto, MeetingParam, UpdateMeetingDto } from './dto/meeting.dto.js';
import { MeetingView } from './dto/meeting.view.js';
import { MeetingsService } from './meetings.service.js';

@ApiTags('meetings')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @ApiOkResponse({ type: [MeetingView] })
  list(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<MeetingView[]> {
    return this.meetings.list(caller, id);
  }

  @Post()
  @ApiCreatedResponse({ type: MeetingView })
  create(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Body() dto: CreateMeetingDto,
  ): Promise<MeetingView> {
    return this.meetings.create(caller, id, dto);
  }

  @Patch(':meetingId')
  @ApiOkResponse({ type: MeetingView })
  update(
    @Caller() caller: Caller,
    @Param() { id, meetingId }: MeetingParam,
    @Body() dto: UpdateMeetingDto,
  ): Promise<MeetingView> {
    return this.meetings.update(caller, id, meetingId, dto);
  }

  @Delete(':meetingId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'One occurrence cancelled, or the whole meeting deleted' })
  cancel(
    @Caller() caller: Caller,
    @Param() { id, meetingId }: MeetingParam,
    @Query() { occurrence }: CancelMeetingQuery,
  ): Promise<void> {
    return this.meetings.cancel(caller, id, meetingId, occurrence);
  }
}
