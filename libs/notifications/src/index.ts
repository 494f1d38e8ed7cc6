export { notificationsEntities } from './entities.js';
export * from './events.js';
export { NotificationsModule } from './notifications.module.js';
export { CrisisPager } from './crisis/crisis-pager.js';
export { OutboxWorker } from './outbox/outbox-worker.js';
export { MeetingReminders } from './meetings/meeting-reminders.js';
export { NewMessageNotices } from './everyday/new-message-notices.js';
export { QuestionnaireReminders } from './questionnaires/questionnaire-reminders.js';
