import { createHmac } from 'node:crypto';

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { PersonalDataRegistry, SECRETS, type PersonalDataContributor, type Secrets } from '@hearth/core';

import { HiddenMember } from '../hidden/hidden-member.entity.js';
import { Incident } from '../incidents/incident.entity.js';
import { Mute } from '../mutes/mute.entity.js';
import { Report } from '../reports/report.entity.js';
import { AuditEvent } from './audit-event.entity.js';

/** A stable stand-in id for an erased person: the audit log keeps its shape without naming anyone. */
function pseudonymousId(userId: string, key: Buffer): string {
  const hex = createHmac('sha256', key).update(`erased:${userId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** My reports and what was done about me; on erasure, the audit log keeps a pseudonymous id only. */
@Injectable()
export class ModerationPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'moderation';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    @Inject(SECRETS) private readonly secrets: Secrets,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string) {
    const manager = this.dataSource.manager;
    const reports = await manager.find(Report, {
      where: { reporterUserId: userId },
      order: { createdAt: 'ASC' },
    });
    const against = await manager.find(AuditEvent, {
      where: { targetUserId: userId },
      order: { createdAt: 'ASC' },
    });
    return {
      reportsIMade: reports.map((r) => ({
        groupId: r.groupId,
        messageId: r.messageId,
        reason: r.reason,
        note: r.note,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
      })),
      actionsAboutMe: against
        .filter((e) => !e.action.startsWith('report.'))
        .map((e) => ({
          groupId: e.groupId,
          action: e.action,
          reason: e.reason,
          createdAt: e.createdAt.toISOString(),
        })),
    };
  }

  async erase(userId: string, manager: EntityManager): Promise<void> {
    const stand_in = pseudonymousId(userId, this.secrets.masterKey);
    await manager.update(AuditEvent, { actorUserId: userId }, { actorUserId: stand_in });
    await manager.update(AuditEvent, { targetUserId: userId }, { targetUserId: stand_in });
    await manager.update(Report, { reporterUserId: userId }, { reporterUserId: null });
    await manager.update(
      Incident,
      { subjectUserId: userId },
      { subjectUserId: stand_in, subjectMembershipId: null },
    );
    await manager.delete(HiddenMember, { userId });
    await manager.delete(Mute, { userId });
  }
}
