import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { PersonalDataRegistry, type PersonalDataContributor } from '@hearth/core';

import { UsersService } from '../users/users.service.js';
import { AccessLogEntry } from './access-log-entry.entity.js';

/**
 * The access log about me is mine to take. On erasure it stays, as the staff's accountability record, but no
 * longer names me: my id is removed from every entry about me, and from my own exports and erasure.
 */
@Injectable()
export class AccessLogPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'accessLog';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string) {
    const rows = await this.dataSource.manager.find(AccessLogEntry, {
      where: { subjectUserId: userId },
      order: { at: 'ASC', id: 'ASC' },
    });
    const actors = await this.users.findMany(
      rows.flatMap((r) => (r.actorUserId && r.actorUserId !== userId ? [r.actorUserId] : [])),
    );
    return rows.map((r) => ({
      at: r.at.toISOString(),
      kind: r.kind,
      resourceId: r.resourceId,
      groupId: r.groupId,
      byMe: r.actorUserId === userId,
      actorDisplayName: r.actorUserId ? (actors.get(r.actorUserId)?.displayName ?? null) : null,
      actorRole: r.actorRole,
    }));
  }

  async erase(userId: string, manager: EntityManager): Promise<void> {
    await manager.update(
      AccessLogEntry,
      { actorUserId: userId, subjectUserId: userId },
      { actorUserId: null, subjectUserId: null },
    );
    await manager.update(AccessLogEntry, { subjectUserId: userId }, { subjectUserId: null });
  }
}
