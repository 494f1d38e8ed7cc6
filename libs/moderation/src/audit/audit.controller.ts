import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { AuditService } from './audit.service.js';
import { AuditEventView } from './dto/audit-event.view.js';
import { AuditQuery } from './dto/audit-query.dto.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit')
  @ApiOkResponse({
    type: [AuditEventView],
    description: 'Moderation and safety actions in this group, newest first',
  })
  auditOf(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Query() query: AuditQuery) {
    return this.audit.forGroup(caller, id, query);
  }
}
