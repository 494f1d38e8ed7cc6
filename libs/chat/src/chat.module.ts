import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { GroupsModule, UNREAD_COUNTS } from '@hearth/groups';
import { IdentityModule } from '@hearth/identity';

import { chatEntities } from './entities.js';
import { ChatEventsListener } from './gateway/chat-events.listener.js';
import { ChatGateway } from './gateway/chat.gateway.js';
import { CoolOff } from './gateway/cool-off.js';
import { SocketBudgetGuard } from './gateway/socket-budget.guard.js';
import { SocketSessions } from './gateway/socket-sessions.js';
import { SocketStanding } from './gateway/socket-standing.js';
import { Mentions } from './messages/mentions.js';
import { MessageHistory } from './messages/message-history.js';
import { MessageSealing } from './messages/message-sealing.js';
import { MessageViews } from './messages/message-views.js';
import { MessageWriter } from './messages/message-writer.js';
import { MessagesController } from './messages/messages.controller.js';
import { MessagesPersonalData } from './messages/messages.personal-data.js';
import { MessagesService } from './messages/messages.service.js';
import { MessagePipeline } from './pipeline/message-pipeline.js';
import { CheckInNoticesListener } from './realtime/check-in-notices.listener.js';
import { MessageBroadcastListener } from './realtime/message-broadcast.listener.js';
import { RealtimePublisher } from './realtime/realtime-publisher.js';
import { SocketDirectory } from './realtime/socket-directory.js';
import { ChatGroupReflections, GroupReflections } from './reflections/group-reflections.js';
import { MessageReview } from './review/message-review.js';
import { RetentionController } from './rooms/retention.controller.js';
import { RetentionService } from './rooms/retention.service.js';
import { CatchUpAllowance } from './rooms/catch-up-allowance.js';
import { RoomsService } from './rooms/rooms.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(chatEntities), IdentityModule, GroupsModule],
  controllers: [MessagesController, RetentionController],
  providers: [
    CatchUpAllowance,
    ChatGateway,
    ChatEventsListener,
    CheckInNoticesListener,
    Mentions,
    MessageBroadcastListener,
    MessageHistory,
    MessageReview,
    MessageSealing,
    MessageViews,
    MessageWriter,
    MessagePipeline,
    MessagesPersonalData,
    MessagesService,
    RetentionService,
    RealtimePublisher,
    RoomsService,
    SocketBudgetGuard,
    CoolOff,
    SocketDirectory,
    SocketSessions,
    SocketStanding,
    { provide: GroupReflections, useClass: ChatGroupReflections },
    { provide: UNREAD_COUNTS, useExisting: RoomsService },
  ],
  exports: [
    GroupReflections,
    MessagePipeline,
    MessageReview,
    MessageWriter,
    RealtimePublisher,
    SocketDirectory,
    UNREAD_COUNTS,
  ],
})
export class ChatModule {}
