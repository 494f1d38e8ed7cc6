export { notificationsEntities } from './entities.js';
export { NotificationsModule } from './notifications.module.js';
