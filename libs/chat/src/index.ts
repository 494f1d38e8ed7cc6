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
export { asHttpException, ChatError, rethrowForHttp } from './chat-error.js';
export { MessageParam } from './messages/dto/message.dto.js';
export { MessageView } from './messages/dto/message.view.js';
export { MessageWriter } from './messages/message-writer.js';
