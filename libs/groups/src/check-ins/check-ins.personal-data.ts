import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { PersonalDataRegistry, type AfterErasure, type PersonalDataContributor } from '@hearth/core';

import { GroupChangedEvent, GroupEvents } from '../events.js';
import { Group } from '../groups/group.entity.js';
import { GroupKeys } from '../keys/group-keys.service.js';

/**
 * My check-ins (their messages of mine are in the messages section). On erasure each check-in with me goes whole,
 * the facilitators' side too: it was a conversation about me. Its key is destroyed first, so no copy can be read.
 */
@Injectable()
export class CheckInsPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'checkIns';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly keys: GroupKeys,
    private readonly events: EventEmitter2,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string) {
    const checkIns = await this.dataSource.manager.find(Group, {
      where: { subjectUserId: userId },
      order: { createdAt: 'ASC' },
    });
    return checkIns.map((c) => ({
      id: c.id,
      groupId: c.parentGroupId,
      groupName: c.name,
      startedBy: c.createdBy === userId ? 'me' : 'facilitator',
      createdAt: c.createdAt.toISOString(),
      closedAt: c.archivedAt?.toISOString() ?? null,
    }));
  }

  async erase(userId: string, manager: EntityManager): Promise<AfterErasure> {
    const checkIns = await manager.find(Group, { where: { subjectUserId: userId }, select: { id: true } });
    for (const { id } of checkIns) {
      await this.keys.destroy(manager, id);
      await manager.delete(Group, { id });
    }
    // Moderation deletes its own rows of each (incidents, audit) when it hears that they were erased.
    return () => {
      for (const { id } of checkIns) this.events.emit(GroupEvents.groupErased, new GroupChangedEvent(id));
    };
  }
}
