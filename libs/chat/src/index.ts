export { ChatModule } from './chat.module.js';
export { chatEntities } from './entities.js';
export { ChatIoAdapter } from './gateway/chat-io.adapter.js';
export { MessagesService } from './messages/messages.service.js';
export { RetentionService } from './rooms/retention.service.js';
export type { Speaker } from './messages/speaker.js';
