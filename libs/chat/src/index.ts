export { ChatModule } from './chat.module.js';
export { chatEntities } from './entities.js';
export { ChatIoAdapter } from './gateway/chat-io.adapter.js';
export { MessagesService } from './messages/messages.service.js';
export { RetentionService } from './rooms/retention.service.js';
export type { Speaker } from './messages/speaker.js';
export {
  MessagePipeline,
  type MessageAttemptObserver,
  type MessageDraft,
  type MessagePipelineStep,
  type PipelineOutcome,
  type StepVerdict,
} from './pipeline/message-pipeline.js';
export { SocketDirectory } from './gateway/socket-directory.js';
export { ADMINS_ROOM, groupRoom, staffRoom, userRoom } from './gateway/socket-types.js';
export { asHttpException, ChatError } from './chat-error.js';
export { MessageParam, MessageView } from './messages/dto/message.rest.js';
export { MessageWriter } from './messages/message-writer.js';
