import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { notificationsEntities } from './entities.js';

/**
 * Reaches people when Hearth is closed: listens to the other libraries' domain events, writes what is to be
 * sent to an outbox, and delivers it by Web Push and email. It never reads another library's tables.
 */
@Module({
  imports: [TypeOrmModule.forFeature(notificationsEntities)],
})
export class NotificationsModule {}
