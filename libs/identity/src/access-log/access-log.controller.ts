import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';

import { Authenticated, Roles } from '../access/access.decorators.js';
import { Caller } from '../access/caller.js';
import { AccessLogService } from './access-log.service.js';
import { AccessLogQuery, MyAccessLogQuery } from './dto/access-log-query.dto.js';
import { AccessLogPageView, MyAccessLogPageView } from './dto/access-log.view.js';

@ApiTags('me')
@Authenticated()
@ApiErrors(400)
@Controller('me/access-log')
export class MyAccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get()
  @ApiOkResponse({
    type: MyAccessLogPageView,
    description:
      'Who saw my identity, reflections I shared with facilitators, incidents about me; my exports',
  })
  mine(@Caller() caller: Caller, @Query() query: MyAccessLogQuery): Promise<MyAccessLogPageView> {
    return this.accessLog.mine(caller, query);
  }
}

@ApiTags('admin')
@Roles('admin')
@ApiErrors(400)
@Controller('admin/access-log')
export class AdminAccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get()
  @ApiOkResponse({
    type: AccessLogPageView,
    description: 'The access log, newest first; reading it is logged for each person shown',
  })
  list(@Caller() caller: Caller, @Query() query: AccessLogQuery): Promise<AccessLogPageView> {
    return this.accessLog.forAdmin(caller, query);
  }
}
