import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller, Roles } from '@hearth/identity';

import { AuditService } from './audit/audit.service.js';
import { BlockedTermDto, CrisisResourcesDto, TermParam } from './moderation.dtos.js';
import {
  BlockedTermView,
  CrisisResourceSetView,
  MyModerationEventView,
  QueueItemView,
} from './moderation.views.js';
import { QueueService } from './queue/queue.service.js';
import { SafetyResources } from './settings/safety-resources.service.js';
import { SafetySettingsService } from './settings/safety-settings.service.js';

/** Instance-wide safety settings and the queue across every group, for admins. */
@ApiTags('admin')
@Roles('admin')
@ApiErrors(400, 404, 409)
@Controller('admin')
export class AdminSafetyController {
  constructor(
    private readonly queue: QueueService,
    private readonly settings: SafetySettingsService,
    private readonly resources: SafetyResources,
  ) {}

  @Get('moderation/queue')
  @ApiOkResponse({
    type: [QueueItemView],
    description: "Every group's open reports, held messages and incidents, oldest first",
  })
  allQueues() {
    return this.queue.all();
  }

  @Get('blocked-terms')
  @ApiOkResponse({ type: [BlockedTermView], description: 'The platform-wide word list' })
  terms() {
    return this.settings.terms(null);
  }

  @Post('blocked-terms')
  @ApiCreatedResponse({ type: BlockedTermView })
  addTerm(@Caller() caller: Caller, @Body() dto: BlockedTermDto) {
    return this.settings.addTerm(caller, null, dto.term, dto.action);
  }

  @Delete('blocked-terms/:termId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  removeTerm(@Caller() caller: Caller, @Param() { termId }: TermParam) {
    return this.settings.removeTerm(caller, null, termId);
  }

  @Get('crisis-resources')
  @ApiOkResponse({
    type: CrisisResourceSetView,
    description: "The instance's crisis resources (the US defaults until set)",
  })
  crisisResources() {
    return this.resources.forInstance();
  }

  @Put('crisis-resources')
  @ApiOkResponse({ type: CrisisResourceSetView })
  setCrisisResources(@Caller() caller: Caller, @Body() dto: CrisisResourcesDto) {
    return this.settings.setInstanceResources(caller, dto);
  }
}

/** What facilitators did about me, across my groups: what, where, why and when (never who reported me). */
@ApiTags('me')
@Authenticated()
@Controller('me/moderation')
export class MyModerationController {
  constructor(
    private readonly audit: AuditService,
    private readonly resources: SafetyResources,
  ) {}

  /** Where to find help now, reachable from every screen (the help button). */
  @Get('crisis-resources')
  @ApiOkResponse({ type: CrisisResourceSetView, description: "The instance's crisis resources" })
  crisisResources() {
    return this.resources.forInstance();
  }

  @Get()
  @ApiOkResponse({ type: [MyModerationEventView] })
  async mine(@Caller() caller: Caller) {
    const events = await this.audit.forTarget(caller.userId);
    return events.map((e) => ({
      action: e.action,
      groupId: e.groupId,
      reason: e.reason,
      details: e.details,
      createdAt: e.createdAt.toISOString(),
    }));
  }
}
