import { Controller, Get, Header, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { ErrorBody } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { UpcomingQuery } from '../meetings/dto/meeting.dto.js';
import { OccurrenceView } from '../meetings/dto/meeting.view.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { CalendarService } from './calendar.service.js';
import { CalendarTokenQuery } from './dto/calendar-token.dto.js';
import { CalendarTokenView } from './dto/calendar-token.view.js';

@ApiTags('me')
@Controller('me')
export class MyMeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly calendar: CalendarService,
  ) {}

  @Get('meetings')
  @Authenticated()
  @ApiOkResponse({
    type: [OccurrenceView],
    description: 'My upcoming meetings across my groups, soonest first',
  })
  upcoming(@Caller() caller: Caller, @Query() query: UpcomingQuery): Promise<OccurrenceView[]> {
    return this.meetings.upcomingFor(caller.userId, query.days);
  }

  @Post('calendar-token')
  @HttpCode(HttpStatus.OK)
  @Authenticated()
  @ApiOkResponse({ type: CalendarTokenView })
  rotate(@Caller() caller: Caller): Promise<CalendarTokenView> {
    return this.calendar.rotate(caller.userId);
  }

  /** Calendar apps cannot send a bearer token, so the feed is authenticated by its own secret token. */
  @Get('calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    schema: { type: 'string' },
    description: 'An iCalendar feed of my meetings, with weekly recurrences',
  })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'Unknown or rotated token' })
  feed(@Query() { token }: CalendarTokenQuery): Promise<string> {
    return this.calendar.feed(token);
  }
}
