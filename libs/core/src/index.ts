export { CoreModule, OUTBOUND_AGENT, SECRETS, type CoreOptions } from './core.module.js';
export { Clock, ManualClock } from './clock/clock.js';
export {
  loadConfig,
  ConfigurationError,
  type HearthConfig,
  type DatabaseConfig,
} from './config/hearth-config.js';
export { generateVapidKeys, resolveSecrets, type Secrets } from './config/secrets.js';
export { buildDataSourceOptions } from './database/data-source-options.js';
export { seal, open, deriveKey, blindToken, IntegrityError } from './crypto/sealing.js';
export { Transactions } from './database/transactions.js';
export { Shredder } from './database/shredder.js';
export { columnTypes } from './database/column-types.js';
export { isUniqueViolation } from './database/unique-violation.js';
export { findRow, insertRows, rawRows, selectEntities } from './database/raw-rows.js';
export { migrations } from './database/migrations/index.js';
export { ErrorBody, FieldError } from './errors/error-body.js';
export { HttpErrorFilter, INTEGRITY_MESSAGE } from './errors/http-exception.filter.js';
export {
  createValidationPipe,
  flattenValidationErrors,
  refuseDeepBodies,
  VALIDATION_OPTIONS,
  ValidationFailedException,
} from './errors/validation.js';
export { acceptedQuickly } from './errors/validation-fast-path.js';
export { foundOrFail } from './errors/find-or-fail.js';
export { coded, type CodedMessage } from './errors/coded.js';
export { Omittable } from './errors/omittable.decorator.js';
export { Trim } from './errors/trim.decorator.js';
export { RetryLaterException } from './errors/retry-later.exception.js';
export { AuthThrottle, SkipRateLimit } from './http/rate-limit.decorators.js';
export { ApiErrors } from './http/api-errors.decorator.js';
export { RateLimitGuard } from './http/rate-limit.guard.js';
export {
  AcceptsLanguage,
  RequestLanguage,
  SPOKEN_LANGUAGES,
  spokenLanguage,
  type SpokenLanguage,
} from './http/request-language.js';
export { HearthLogger, ROOT_LOGGER } from './logging/hearth-logger.js';
export { createHttpLogger } from './logging/http-logger.js';
export {
  PersonalDataRegistry,
  type AfterErasure,
  type PersonalDataContributor,
} from './data-rights/personal-data.js';
export { OnEventOnEveryNode, RELAY_RESYNC, relayed } from './events/event-relay.js';
export { connectRedisPair, type RedisClient, type RedisPair } from './redis/redis-pair.js';
export { SharedState, MemorySharedState, type LimiterOptions } from './shared-state/shared-state.js';
export { actionMail } from './mail/action-mail.js';
export { Mailer } from './mail/mailer.js';
export { MailRejectedError, type Mail } from './mail/mail.js';
