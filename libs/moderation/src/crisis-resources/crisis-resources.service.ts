import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

import { Clock, Transactions } from '@hearth/core';
import type { CrisisResourceDto } from '@hearth/contracts';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';
import { ModerationEvents, RoomSettingsChangedEvent } from '../events.js';
import { RoomSettings } from '../room-mode/room-settings.entity.js';
import { SafetyResources, type Language, type ResourceSet } from './safety-resources.service.js';

/** Crisis resources as set by admins (the instance's) and facilitators (a group's own). */
@Injectable()
export class CrisisResourcesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly policy: GroupPolicy,
    private readonly resources: SafetyResources,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  async groupResources(caller: Caller, groupId: string): Promise<ResourceSet> {
    await this.policy.authorize(caller, groupId, 'read');
    return this.resources.forGroup(groupId);
  }

  /** A group's own resources (for example, local services); an empty list returns to the instance's. */
  async setGroupResources(
    caller: Caller,
    groupId: string,
    country: string,
    resources: CrisisResourceDto[],
  ): Promise<ResourceSet> {
    await this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const current = await manager.findOneBy(RoomSettings, { groupId });
      await manager.upsert(
        RoomSettings,
        {
          groupId,
          mode: current?.mode ?? 'open',
          slowSeconds: current?.slowSeconds ?? null,
          premoderateDays: current?.premoderateDays ?? null,
          newMemberLinkDays: current?.newMemberLinkDays ?? 3,
          crisisCountry: country,
          crisisResources: resources.length ? resources : null,
          updatedAt: this.clock.now(),
        },
        ['groupId'],
      );
      await this.audit.record(
        { groupId, actorUserId: caller.userId, action: 'crisis_resources.changed', details: { country } },
        manager,
      );
    });
    this.events.emit(ModerationEvents.settingsChanged, new RoomSettingsChangedEvent(groupId));
    return this.resources.forGroup(groupId);
  }

  async setInstanceResources(caller: Caller, set: ResourceSet, language: Language): Promise<ResourceSet> {
    const { country, resources } = set;
    await this.resources.setInstance({ country, resources }, language);
    await this.audit.record({
      groupId: null,
      actorUserId: caller.userId,
      action: 'crisis_resources.changed',
      details: { country, language },
    });
    return { country, resources };
  }
}
