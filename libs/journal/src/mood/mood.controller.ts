import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { MoodCheckinDto, MoodSeriesQuery } from './dto/mood.dto.js';
import { MoodBucket, MoodCheckinView } from './dto/mood.view.js';
import { MoodService } from './mood.service.js';

@ApiTags('journal')
@Authenticated()
@ApiErrors(400)
@Controller('journal/mood')
export class MoodController {
  constructor(private readonly mood: MoodService) {}

  @Post()
  @ApiCreatedResponse({ type: MoodCheckinView })
  checkIn(@Caller() caller: Caller, @Body() dto: MoodCheckinDto): Promise<MoodCheckinView> {
    return this.mood.checkIn(caller, dto);
  }

  @Get()
  @ApiOkResponse({
    type: [MoodBucket],
    description: 'A series ready to chart: count, mean, min and max per bucket',
  })
  series(@Caller() caller: Caller, @Query() query: MoodSeriesQuery): Promise<MoodBucket[]> {
    return this.mood.series(caller, query);
  }

  @Get('checkins')
  @ApiOkResponse({ type: [MoodCheckinView] })
  checkins(@Caller() caller: Caller, @Query() query: MoodSeriesQuery): Promise<MoodCheckinView[]> {
    return this.mood.list(caller, new Date(query.from), new Date(query.to));
  }
}
