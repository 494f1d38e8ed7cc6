import { CrisisPage } from './crisis/crisis-page.entity.js';
import { OutboxItem } from './outbox/outbox-item.entity.js';
import { NotificationPreferencesRow } from './preferences/notification-preferences.entity.js';
import { PushSubscription } from './push/push-subscription.entity.js';

/** Every entity of the notifications library, registered as classes (a bundled build cannot glob). */
export const notificationsEntities = [PushSubscription, OutboxItem, NotificationPreferencesRow, CrisisPage];
