import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { PersonalDataRegistry, type PersonalDataContributor } from '@hearth/core';

import { CrisisPage } from './crisis/crisis-page.entity.js';
import { PushSubscriptionView } from './push/dto/push-subscription.view.js';
import { PushSubscription } from './push/push-subscription.entity.js';
import { NotificationPreferencesRow } from './preferences/notification-preferences.entity.js';
import { withDefaults, type Preferences } from './preferences/preferences.js';

/**
 * My notification preferences and devices in the export (never a device's push address or keys). On erasure
 * the devices, preferences and outbox rows go with the account (foreign keys); a crisis page forgets whom it was
 * about.
 */
@Injectable()
export class NotificationsPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'notifications';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string): Promise<unknown> {
    const [row, devices] = await Promise.all([
      this.dataSource.manager.findOneBy(NotificationPreferencesRow, { userId }),
      this.dataSource.manager.find(PushSubscription, { where: { userId }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      preferences: withDefaults(row ? (JSON.parse(row.settings) as Partial<Preferences>) : null),
      devices: devices.map((device) => PushSubscriptionView.of(device)),
    };
  }

  async erase(userId: string, manager: EntityManager): Promise<void> {
    await manager.update(CrisisPage, { subjectUserId: userId }, { subjectUserId: null });
    await manager.update(CrisisPage, { aboutUserId: userId }, { aboutUserId: null });
  }
}
