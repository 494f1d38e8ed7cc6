export { ModerationModule } from './moderation.module.js';
export { moderationEntities } from './entities.js';
export { IncidentsService } from './incidents/incidents.service.js';
export { AuditService } from './audit/audit.service.js';
export * from './events.js';
export { toldMessage } from './crisis-resources/default-crisis-resources.js';
export { SafetyResources } from './crisis-resources/safety-resources.service.js';
