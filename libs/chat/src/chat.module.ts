import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { GroupsModule, UNREAD_COUNTS } from '@hearth/groups';
import { IdentityModule } from '@hearth/identity';

import { chatEntities } from './entities.js';
import { ChatEventsListener } from './gateway/chat-events.listener.js';
import { ChatGateway } from './gateway/chat.gateway.js';
import { SocketDirectory } from './gateway/socket-directory.js';
import { SocketSessions } from './gateway/socket-sessions.js';
import { MessageHistory } from './messages/message-history.js';
import { MessageViews } from './messages/message-views.js';
import { MessageWriter } from './messages/message-writer.js';
import { MessagesController } from './messages/messages.controller.js';
import { MessagesPersonalData } from './messages/messages.personal-data.js';
import { MessagesService } from './messages/messages.service.js';
import { MessagePipeline } from './pipeline/message-pipeline.js';
import { RetentionController } from './rooms/retention.controller.js';
import { RetentionService } from './rooms/retention.service.js';
import { RoomsService } from './rooms/rooms.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(chatEntities), IdentityModule, GroupsModule],
  controllers: [MessagesController, RetentionController],
  providers: [
    ChatGateway,
    ChatEventsListener,
    MessageHistory,
    MessageViews,
    MessageWriter,
    MessagePipeline,
    MessagesPersonalData,
    MessagesService,
    RetentionService,
    RoomsService,
    SocketDirectory,
    SocketSessions,
    { provide: UNREAD_COUNTS, useExisting: RoomsService },
  ],
  exports: [MessagePipeline, MessagesService, MessageWriter, SocketDirectory, UNREAD_COUNTS],
})
export class ChatModule {}
