import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ChatModule } from '@hearth/chat';
import { GroupsModule } from '@hearth/groups';
import { IdentityModule } from '@hearth/identity';

import { EntriesController } from './entries/entries.controller.js';
import { EntriesService } from './entries/entries.service.js';
import { EntryCodec } from './entries/entry-codec.js';
import { journalEntities } from './entities.js';
import { JournalPersonalData } from './journal.personal-data.js';
import { JournalKeysService } from './keys/journal-keys.service.js';
import { MoodController } from './mood/mood.controller.js';
import { MoodService } from './mood/mood.service.js';
import { PromptsController } from './prompts/prompts.controller.js';
import { PromptsService } from './prompts/prompts.service.js';
import { SafetyPlanCodec } from './safety-plan/safety-plan-codec.js';
import { SafetyPlanController } from './safety-plan/safety-plan.controller.js';
import { SafetyPlanService } from './safety-plan/safety-plan.service.js';
import { SharesController } from './shares/shares.controller.js';
import { SharesService } from './shares/shares.service.js';
import { TherapySessionsController } from './therapy-sessions/therapy-sessions.controller.js';
import { TherapySessionsService } from './therapy-sessions/therapy-sessions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(journalEntities), IdentityModule, GroupsModule, ChatModule],
  controllers: [
    EntriesController,
    TherapySessionsController,
    MoodController,
    PromptsController,
    SharesController,
    SafetyPlanController,
  ],
  providers: [
    EntriesService,
    EntryCodec,
    JournalKeysService,
    JournalPersonalData,
    MoodService,
    PromptsService,
    TherapySessionsService,
    SharesService,
    SafetyPlanCodec,
    SafetyPlanService,
  ],
  exports: [EntriesService, JournalKeysService],
})
export class JournalModule {}
