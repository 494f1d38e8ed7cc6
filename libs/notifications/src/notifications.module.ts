import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ChatModule } from '@hearth/chat';
import { GroupsModule } from '@hearth/groups';
import { IdentityModule } from '@hearth/identity';
import { QuestionnairesModule } from '@hearth/questionnaires';

import { CrisisPager } from './crisis/crisis-pager.js';
import { EmailChannel } from './email/email.channel.js';
import { EverydayNoticesListener } from './everyday/everyday-notices.listener.js';
import { NewMessageNotices } from './everyday/new-message-notices.js';
import { MeetingReminders } from './meetings/meeting-reminders.js';
import { QuestionnaireReminders } from './questionnaires/questionnaire-reminders.js';
import { notificationsEntities } from './entities.js';
import { NotificationsPersonalData } from './notifications.personal-data.js';
import { DELIVERY_CHANNELS, OutboxWorker } from './outbox/outbox-worker.js';
import { OutboxService } from './outbox/outbox.service.js';
import { Notifier } from './outbox/notifier.js';
import { NotificationPreferencesController } from './preferences/notification-preferences.controller.js';
import { NotificationPreferencesService } from './preferences/notification-preferences.service.js';
import { PushSubscriptionsController } from './push/push-subscriptions.controller.js';
import { PushSubscriptionsService } from './push/push-subscriptions.service.js';
import { WebPushChannel } from './push/web-push.channel.js';

/**
 * Reaches people when Hearth is closed: listens to the other libraries' domain events, writes what is to be
 * sent to an outbox, and delivers it by Web Push and email. It never reads another library's tables.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(notificationsEntities),
    IdentityModule,
    GroupsModule,
    ChatModule,
    QuestionnairesModule,
  ],
  controllers: [PushSubscriptionsController, NotificationPreferencesController],
  providers: [
    WebPushChannel,
    EmailChannel,
    {
      provide: DELIVERY_CHANNELS,
      useFactory: (push: WebPushChannel, email: EmailChannel) => [push, email],
      inject: [WebPushChannel, EmailChannel],
    },
    OutboxService,
    OutboxWorker,
    Notifier,
    CrisisPager,
    EverydayNoticesListener,
    NewMessageNotices,
    MeetingReminders,
    QuestionnaireReminders,
    PushSubscriptionsService,
    NotificationPreferencesService,
    NotificationsPersonalData,
  ],
  exports: [OutboxWorker, CrisisPager, MeetingReminders, NewMessageNotices, QuestionnaireReminders],
})
export class NotificationsModule {}
