export { ChatModule } from './chat.module.js';
export { chatEntities } from './entities.js';
export * from './events.js';
export { ChatIoAdapter } from './gateway/chat-io.adapter.js';
export { RetentionService } from './rooms/retention.service.js';
export {
  MessagePipeline,
  type MessageAttemptObserver,
  type MessageDraft,
  type MessagePipelineStep,
  type PipelineOutcome,
  type StepVerdict,
} from './pipeline/message-pipeline.js';
export { RealtimePublisher } from './realtime/realtime-publisher.js';
export { MessageReview, type WithinDecision } from './review/message-review.js';
export { GroupReflections } from './reflections/group-reflections.js';
export { asHttpException, ChatError } from './chat-error.js';
export { MessageParam, MessageView } from './messages/dto/message.rest.js';
export { MessageWriter } from './messages/message-writer.js';
// TEMPORARY (while moderation is being moved into feature folders): removed before commit.
export { MessageReview as MessagesService } from './review/message-review.js';
export { SocketDirectory } from './realtime/socket-directory.js';
export { ADMINS_ROOM, groupRoom, staffRoom, userRoom } from './realtime/socket-types.js';
