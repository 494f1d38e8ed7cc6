import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Authenticated, Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';
import { MyModerationEventView } from '../audit/dto/audit-event.view.js';
import { CrisisResourceSetView } from '../crisis-resources/dto/crisis-resource-set.view.js';
import { ResourcesLanguageQuery } from '../crisis-resources/dto/resources-language.query.js';
import { SafetyResources } from '../crisis-resources/safety-resources.service.js';
import { IncidentAlertView } from '../incidents/dto/incident-alert.view.js';
import { IncidentsService } from '../incidents/incidents.service.js';

/** What facilitators did about me, across my groups: what, where, why and when (never who reported me). */
@ApiTags('me')
@Authenticated()
@Controller('me/moderation')
export class MyModerationController {
  constructor(
    private readonly audit: AuditService,
    private readonly resources: SafetyResources,
    private readonly incidents: IncidentsService,
  ) {}

  /** Crisis incidents waiting for me (facilitators: my groups'; admins: every escalated one): shown on every screen. */
  @Get('open-incidents')
  @ApiOkResponse({
    type: [IncidentAlertView],
    description: 'Open and unacknowledged, oldest first; [] for members',
  })
  openIncidents(@Caller() caller: Caller) {
    return this.incidents.waiting(caller);
  }

  /** Where to find help now, reachable from every screen (the help button). */
  @Get('crisis-resources')
  @ApiOkResponse({
    type: CrisisResourceSetView,
    description: "The instance's crisis resources; the built-in defaults in Spanish with ?language=es",
  })
  crisisResources(@Query() { language }: ResourcesLanguageQuery) {
    return this.resources.forInstance(language ?? 'en');
  }

  @Get()
  @ApiOkResponse({ type: [MyModerationEventView] })
  mine(@Caller() caller: Caller) {
    return this.audit.forTarget(caller.userId);
  }
}
