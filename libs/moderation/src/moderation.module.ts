import { Module, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ChatModule, MessagePipeline } from '@hearth/chat';
import { GroupsModule } from '@hearth/groups';
import { IdentityModule } from '@hearth/identity';

import { AuditController } from './audit/audit.controller.js';
import { AuditService } from './audit/audit.service.js';
import { MembershipAuditListener } from './audit/membership-audit.listener.js';
import { ModerationPersonalData } from './audit/moderation.personal-data.js';
import { AdminBlockedTermsController } from './blocked-terms/admin-blocked-terms.controller.js';
import { BlockedTermsController } from './blocked-terms/blocked-terms.controller.js';
import { BlockedTermsService } from './blocked-terms/blocked-terms.service.js';
import { AdminCrisisResourcesController } from './crisis-resources/admin-crisis-resources.controller.js';
import { CrisisResourcesController } from './crisis-resources/crisis-resources.controller.js';
import { CrisisResourcesService } from './crisis-resources/crisis-resources.service.js';
import { SafetyResources } from './crisis-resources/safety-resources.service.js';
import { moderationEntities } from './entities.js';
import { HeldMessagesController } from './held/held-messages.controller.js';
import { HeldMessagesService } from './held/held-messages.service.js';
import { HiddenMembersController } from './hidden/hidden-members.controller.js';
import { HiddenMembersService } from './hidden/hidden-members.service.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { IncidentsService } from './incidents/incidents.service.js';
import { IncidentAlerts } from './incidents/incident-alerts.js';
import { SafetyAlertsListener } from './incidents/safety-alerts.listener.js';
import { MutesController } from './mutes/mutes.controller.js';
import { MutesService } from './mutes/mutes.service.js';
import { MyModerationController } from './my-moderation/my-moderation.controller.js';
import { PinsController } from './pins/pins.controller.js';
import { PinsService } from './pins/pins.service.js';
import { AdminQueueController } from './queue/admin-queue.controller.js';
import { QueueController } from './queue/queue.controller.js';
import { QueueService } from './queue/queue.service.js';
import { RemovalsController } from './removals/removals.controller.js';
import { RemovalsService } from './removals/removals.service.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { RoomModeController } from './room-mode/room-mode.controller.js';
import { RoomModeService } from './room-mode/room-mode.service.js';

import { GroupErasureListener } from './sealing/group-erasure.listener.js';
import { ModerationSealing } from './sealing/moderation-sealing.js';
import { ModerationState } from './state/moderation-state.js';
import { CrisisObserver, ReviewObserver } from './steps/observers.js';
import { PIPELINE_STEPS } from './steps/pipeline-order.js';
import { WarningsController } from './warnings/warnings.controller.js';
import { WarningsService } from './warnings/warnings.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(moderationEntities), IdentityModule, GroupsModule, ChatModule],
  controllers: [
    QueueController,
    RemovalsController,
    HeldMessagesController,
    MutesController,
    WarningsController,
    RoomModeController,
    ReportsController,
    IncidentsController,
    PinsController,
    HiddenMembersController,
    AuditController,
    BlockedTermsController,
    CrisisResourcesController,
    AdminQueueController,
    AdminBlockedTermsController,
    AdminCrisisResourcesController,
    MyModerationController,
  ],
  providers: [
    ...PIPELINE_STEPS,
    AuditService,
    BlockedTermsService,
    CrisisObserver,
    CrisisResourcesService,
    HeldMessagesService,
    HiddenMembersService,
    IncidentsService,
    MembershipAuditListener,
    ModerationPersonalData,
    GroupErasureListener,
    ModerationSealing,
    ModerationState,
    MutesService,
    PinsService,
    QueueService,
    RemovalsService,
    ReportsService,
    ReviewObserver,
    SafetyAlertsListener,
    IncidentAlerts,
    RoomModeService,
    SafetyResources,
    WarningsService,
  ],
  exports: [IncidentsService, AuditService, SafetyResources],
})
export class ModerationModule implements OnModuleInit {
  constructor(
    private readonly pipeline: MessagePipeline,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Installs the moderation steps on chat's message pipeline, in the order PIPELINE_STEPS gives. */
  onModuleInit(): void {
    this.pipeline.use(...PIPELINE_STEPS.map((step) => this.moduleRef.get(step)));
    this.pipeline.observe(this.moduleRef.get(CrisisObserver));
    this.pipeline.observe(this.moduleRef.get(ReviewObserver));
  }
}
