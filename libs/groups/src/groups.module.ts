import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { IdentityModule } from '@hearth/identity';

import { AgreementsController } from './agreements/agreements.controller.js';
import { AgreementsService } from './agreements/agreements.service.js';
import { CheckInSync } from './check-ins/check-in-sync.listener.js';
import { CheckInsController } from './check-ins/check-ins.controller.js';
import { CheckInsPersonalData } from './check-ins/check-ins.personal-data.js';
import { CheckInsService } from './check-ins/check-ins.service.js';
import { CalendarService } from './calendar/calendar.service.js';
import { MyMeetingsController } from './calendar/my-meetings.controller.js';
import { groupsEntities } from './entities.js';
import { GroupViews } from './groups/group-views.js';
import { GroupsController } from './groups/groups.controller.js';
import { GroupsService } from './groups/groups.service.js';
import {
  GroupInvitesController,
  InvitePreviewController,
  InvitesController,
} from './invites/invites.controller.js';
import { InvitesService } from './invites/invites.service.js';
import { GroupKeys } from './keys/group-keys.service.js';
import { GroupsBackfill } from './keys/groups-backfill.js';
import { JoinRequestsController } from './join-requests/join-requests.controller.js';
import { JoinRequestsService } from './join-requests/join-requests.service.js';
import { MeetingSchedule } from './meetings/meeting-schedule.js';
import { MeetingsController } from './meetings/meetings.controller.js';
import { MeetingsService } from './meetings/meetings.service.js';
import { Admissions } from './memberships/admissions.js';
import { MembershipsController } from './memberships/memberships.controller.js';
import { MembershipsPersonalData } from './memberships/memberships.personal-data.js';
import { MembershipsService } from './memberships/memberships.service.js';
import { GroupPolicy } from './policy/group-policy.js';

@Module({
  imports: [TypeOrmModule.forFeature(groupsEntities), IdentityModule],
  controllers: [
    GroupsController,
    MembershipsController,
    AgreementsController,
    JoinRequestsController,
    GroupInvitesController,
    InvitesController,
    InvitePreviewController,
    MeetingsController,
    MyMeetingsController,
    CheckInsController,
  ],
  providers: [
    Admissions,
    AgreementsService,
    CalendarService,
    CheckInsPersonalData,
    CheckInsService,
    CheckInSync,
    GroupPolicy,
    GroupKeys,
    GroupsBackfill,
    GroupViews,
    GroupsService,
    InvitesService,
    JoinRequestsService,
    MeetingSchedule,
    MeetingsService,
    MembershipsPersonalData,
    MembershipsService,
  ],
  exports: [GroupPolicy, GroupKeys, MeetingSchedule, AgreementsService, CheckInsService],
})
export class GroupsModule {}
