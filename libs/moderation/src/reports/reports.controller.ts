import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { MessageParam } from '@hearth/chat';
import { Authenticated, Caller } from '@hearth/identity';

import { GroupItemParam } from '../common/dto/group-item.dto.js';
import { ReportDto, ResolveReportDto } from './dto/report.dto.js';
import { ReportCreatedView, ReportView } from './dto/report.view.js';
import { ReportsService } from './reports.service.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('moderation/reports/:itemId/resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReportView })
  resolveReport(
    @Caller() caller: Caller,
    @Param() { id, itemId }: GroupItemParam,
    @Body() dto: ResolveReportDto,
  ) {
    return this.reports.resolve(caller, id, itemId, dto.outcome, dto.note);
  }

  @Post('messages/:messageId/reports')
  @ApiCreatedResponse({
    type: ReportCreatedView,
    description: "Sent to this group's facilitators; the reported member never learns who",
  })
  report(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam, @Body() dto: ReportDto) {
    return this.reports
      .report(caller, id, messageId, dto.reason, dto.note)
      .then((r) => ({ id: r.id, status: r.status }));
  }
}
