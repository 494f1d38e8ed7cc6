import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { GroupItemParam } from '../common/dto/group-item.dto.js';
import { IncidentQuery, NoteDto, OpenIncidentDto } from './dto/incident.dto.js';
import { IncidentView } from './dto/incident.view.js';
import { IncidentResponseTimesView } from './dto/incident-alert.view.js';
import { IncidentsService } from './incidents.service.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get('moderation/incidents')
  @ApiOkResponse({ type: [IncidentView], description: 'Crisis incidents with their notes' })
  incidentsOf(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Query() query: IncidentQuery) {
    return this.incidents.list(caller, id, query.status);
  }

  @Post('moderation/incidents')
  @ApiCreatedResponse({
    type: IncidentView,
    description: 'A facilitator opens an incident about a message: the group’s facilitators are alerted',
  })
  openIncident(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: OpenIncidentDto) {
    return this.incidents.openAbout(caller, id, dto);
  }

  @Get('moderation/incident-response')
  @ApiOkResponse({
    type: IncidentResponseTimesView,
    description: 'How fast incidents were acknowledged over the last 30 days: median and worst',
  })
  responseTimes(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.incidents.responseTimes(caller, id);
  }

  @Post('moderation/incidents/:itemId/acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: IncidentView, description: 'Seen and acted on: it will not escalate' })
  acknowledge(@Caller() caller: Caller, @Param() { id, itemId }: GroupItemParam, @Body() dto: NoteDto) {
    return this.incidents.acknowledge(caller, id, itemId, dto.note);
  }

  @Post('moderation/incidents/:itemId/resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: IncidentView })
  resolveIncident(@Caller() caller: Caller, @Param() { id, itemId }: GroupItemParam, @Body() dto: NoteDto) {
    return this.incidents.resolve(caller, id, itemId, dto.note);
  }
}
