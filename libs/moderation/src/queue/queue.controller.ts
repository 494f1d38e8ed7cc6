import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { MessageParam, MessageView } from '@hearth/chat';
import { GroupIdParam, GroupMemberParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { ModerationActionsService } from './actions/moderation-actions.service.js';
import { AuditService } from './audit/audit.service.js';
import { HiddenMembersService } from './hidden/hidden-members.service.js';
import { IncidentsService } from './incidents/incidents.service.js';
import {
  AuditQuery,
  BlockedTermDto,
  CrisisResourcesDto,
  GroupItemParam,
  GroupTermParam,
  HiddenMemberParam,
  HideMemberDto,
  IncidentQuery,
  MuteDto,
  NoteDto,
  OptionalNoteDto,
  ReasonDto,
  ReportDto,
  ResolveReportDto,
  RoomModeBody,
  WarnDto,
} from './moderation.dtos.js';
import {
  AuditEventView,
  BlockedTermView,
  CrisisResourceSetView,
  IncidentView,
  MuteView,
  QueueItemView,
  ReportCreatedView,
  ReportView,
  RoomModeView,
  RoomStateView,
} from './moderation.views.js';
import { QueueService } from './queue/queue.service.js';
import { ReportsService } from './reports/reports.service.js';
import { SafetySettingsService } from './settings/safety-settings.service.js';

/** Facilitator tools and member safety tools for one group. */
@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class ModerationController {
  constructor(
    private readonly actions: ModerationActionsService,
    private readonly reports: ReportsService,
    private readonly queue: QueueService,
    private readonly incidents: IncidentsService,
    private readonly audit: AuditService,
    private readonly hidden: HiddenMembersService,
    private readonly settings: SafetySettingsService,
  ) {}

  @Get('moderation/queue')
  @ApiOkResponse({
    type: [QueueItemView],
    description: 'Open reports, held messages and open crisis incidents, oldest first',
  })
  queueOf(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.queue.forGroup(caller, id);
  }

  @Post('moderation/messages/:messageId/remove')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: MessageView,
    description: 'The tombstone members now see; facilitators still see the text',
  })
  remove(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam, @Body() dto: ReasonDto) {
    return this.actions.removeMessage(caller, id, messageId, dto.reason);
  }

  @Post('moderation/held/:messageId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MessageView, description: 'Posted now, at the end of the timeline' })
  approve(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam, @Body() dto: OptionalNoteDto) {
    return this.queue.approveHeld(caller, id, messageId, dto.note);
  }

  @Post('moderation/held/:messageId/reject')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  reject(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam, @Body() dto: OptionalNoteDto) {
    return this.queue.rejectHeld(caller, id, messageId, dto.note);
  }

  @Post('moderation/mutes')
  @ApiCreatedResponse({
    type: MuteView,
    description: 'The member can read but not post or react until the mute ends',
  })
  mute(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: MuteDto) {
    return this.actions.mute(caller, id, dto.userId, dto.minutes, dto.reason);
  }

  @Delete('moderation/mutes/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  unmute(@Caller() caller: Caller, @Param() { id, userId }: GroupMemberParam) {
    return this.actions.unmute(caller, id, userId);
  }

  @Post('moderation/warnings')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Told privately to the member' })
  warn(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: WarnDto) {
    return this.actions.warn(caller, id, dto.userId, dto.reason);
  }

  @Get('moderation/mode')
  @ApiOkResponse({ type: RoomStateView, description: 'The room mode, for members and facilitators' })
  mode(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.actions.mode(caller, id);
  }

  @Put('moderation/mode')
  @ApiOkResponse({ type: RoomModeView })
  setMode(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: RoomModeBody) {
    return this.actions.setMode(caller, id, dto);
  }

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

  @Get('moderation/incidents')
  @ApiOkResponse({ type: [IncidentView], description: 'Crisis incidents with their notes' })
  incidentsOf(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Query() query: IncidentQuery) {
    return this.incidents.list(caller, id, query.status);
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

  @Get('pins')
  @ApiOkResponse({ type: [MessageView], description: 'Pinned messages, newest pin first' })
  pins(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.actions.pins(caller, id);
  }

  @Put('pins/:messageId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  pin(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam) {
    return this.actions.pin(caller, id, messageId);
  }

  @Delete('pins/:messageId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  unpin(@Caller() caller: Caller, @Param() { id, messageId }: MessageParam) {
    return this.actions.unpin(caller, id, messageId);
  }

  @Get('hidden-members')
  @ApiOkResponse({ type: [String], description: 'Membership ids I hid in this group' })
  hiddenMembers(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.hidden.list(caller, id);
  }

  @Post('hidden-members')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: [String] })
  hide(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: HideMemberDto) {
    return this.hidden.hide(caller, id, dto.membershipId);
  }

  @Delete('hidden-members/:membershipId')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: [String] })
  unhide(@Caller() caller: Caller, @Param() { id, membershipId }: HiddenMemberParam) {
    return this.hidden.unhide(caller, id, membershipId);
  }

  @Get('audit')
  @ApiOkResponse({
    type: [AuditEventView],
    description: 'Moderation and safety actions in this group, newest first',
  })
  auditOf(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Query() query: AuditQuery) {
    return this.audit.forGroup(caller, id, query);
  }

  @Get('blocked-terms')
  @ApiOkResponse({ type: [BlockedTermView] })
  terms(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.settings.groupTerms(caller, id);
  }

  @Post('blocked-terms')
  @ApiCreatedResponse({ type: BlockedTermView })
  addTerm(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: BlockedTermDto) {
    return this.settings.addTerm(caller, id, dto.term, dto.action);
  }

  @Delete('blocked-terms/:termId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  removeTerm(@Caller() caller: Caller, @Param() { id, termId }: GroupTermParam) {
    return this.settings.removeTerm(caller, id, termId);
  }

  @Get('crisis-resources')
  @ApiOkResponse({
    type: CrisisResourceSetView,
    description: 'The crisis resources that apply in this group',
  })
  resources(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.settings.groupResources(caller, id);
  }

  @Put('crisis-resources')
  @ApiOkResponse({
    type: CrisisResourceSetView,
    description: "The group's own resources; an empty list returns to the instance's",
  })
  setResources(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: CrisisResourcesDto) {
    return this.settings.setGroupResources(caller, id, dto.country, dto.resources);
  }
}
