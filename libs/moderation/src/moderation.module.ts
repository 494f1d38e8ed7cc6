import { Module, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ChatModule, MessagePipeline } from '@hearth/chat';
import { GroupsModule } from '@hearth/groups';
import { IdentityModule } from '@hearth/identity';

import { ModerationActionsService } from './actions/moderation-actions.service.js';
import { AdminSafetyController, MyModerationController } from './admin-safety.controller.js';
import { AuditService } from './audit/audit.service.js';
import { MembershipAuditListener } from './audit/membership-audit.listener.js';
import { ModerationPersonalData } from './audit/moderation.personal-data.js';
import { moderationEntities } from './entities.js';
import { HiddenMembersService } from './hidden/hidden-members.service.js';
import { IncidentsService } from './incidents/incidents.service.js';
import { ModerationController } from './moderation.controller.js';
import { QueueService } from './queue/queue.service.js';
import { ReportsService } from './reports/reports.service.js';
import { SafetyNotifier } from './safety-notifier.js';
import { ModerationState } from './settings/moderation-state.js';
import { SafetyResources } from './settings/safety-resources.service.js';
import { SafetySettingsService } from './settings/safety-settings.service.js';
import { CrisisObserver, ReviewObserver } from './steps/observers.js';
import { PIPELINE_STEPS } from './steps/pipeline-order.js';

@Module({
  imports: [TypeOrmModule.forFeature(moderationEntities), IdentityModule, GroupsModule, ChatModule],
  controllers: [ModerationController, AdminSafetyController, MyModerationController],
  providers: [
    ...PIPELINE_STEPS,
    AuditService,
    CrisisObserver,
    HiddenMembersService,
    IncidentsService,
    MembershipAuditListener,
    ModerationActionsService,
    ModerationPersonalData,
    ModerationState,
    QueueService,
    ReportsService,
    ReviewObserver,
    SafetyNotifier,
    SafetyResources,
    SafetySettingsService,
  ],
  exports: [IncidentsService, AuditService],
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
