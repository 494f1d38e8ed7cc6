import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { GroupsModule } from '@hearth/groups';
import { IdentityModule } from '@hearth/identity';
import { JournalModule } from '@hearth/journal';
import { ModerationModule } from '@hearth/moderation';

import { AssignmentsController, MyCadencesController } from './cadence/cadences.controller.js';
import { Cadences } from './cadence/cadences.service.js';
import { questionnairesEntities } from './entities.js';
import { FhirExport } from './fhir/fhir-export.service.js';
import { Catalogue } from './instruments/catalogue.js';
import { AdminWordingController, InstrumentsController } from './instruments/instruments.controller.js';
import { QuestionnairesPersonalData } from './questionnaires.personal-data.js';
import { ResponseCodec } from './responses/response-codec.js';
import { ResponsesController } from './responses/responses.controller.js';
import { ResponsesService } from './responses/responses.service.js';
import { MySharingController, SharedScoresController } from './sharing/sharing.controller.js';
import { SharingListener } from './sharing/sharing.listener.js';
import { SharingService } from './sharing/sharing.service.js';

/**
 * Measurement-based care: the PHQ-9, GAD-7 and EPDS, taken when she wants, on her schedule or because her group
 * asks; sealed like her journal; shared with a group's facilitators only by her consent; a self-harm answer
 * routed like a crisis message; and her course as FHIR for her clinic.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(questionnairesEntities),
    IdentityModule,
    GroupsModule,
    JournalModule,
    ModerationModule,
  ],
  controllers: [
    InstrumentsController,
    AdminWordingController,
    ResponsesController,
    MyCadencesController,
    AssignmentsController,
    MySharingController,
    SharedScoresController,
  ],
  providers: [
    Catalogue,
    ResponseCodec,
    ResponsesService,
    Cadences,
    SharingService,
    SharingListener,
    FhirExport,
    QuestionnairesPersonalData,
  ],
  exports: [Cadences],
})
export class QuestionnairesModule {}
