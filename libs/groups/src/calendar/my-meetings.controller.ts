import { Controller, Get, Header, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

import { ErrorBody } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { OccurrenceView, UpcomingQuery } from '../meetings/dto/meeting.dtos.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { CalendarService } from './calendar.service.js';

class CalendarTokenQuery {
  @ApiProperty({ description: 'The secret token of my calendar feed' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,64}$/, { message: 'token is not a calendar token' })
  token!: string;
}

class CalendarTokenView {
  @ApiProperty({ description: 'The secret token: shown only now; issuing a new one revokes the old' })
  token!: string;

  @ApiProperty({ example: '/api/me/calendar.ics?token=…' })
  path!: string;
}

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
