import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';

import { PersonalDataRegistry, type PersonalDataContributor } from '@hearth/core';

import { AgreementAcceptance } from '../agreements/agreement-acceptance.entity.js';
import { Group } from '../groups/group.entity.js';
import { JoinRequest } from '../join-requests/join-request.entity.js';
import { requestPlace } from '../join-requests/join-requests.service.js';
import { GroupKeys } from '../keys/group-keys.service.js';
import { freeSeat, holdsSeat } from './admissions.js';
import { Membership } from './membership.entity.js';

/** My memberships, join requests and agreement acceptances; on erasure, my seats are given back. */
@Injectable()
export class MembershipsPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'groups';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly keys: GroupKeys,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string) {
    const manager = this.dataSource.manager;
    const memberships = await manager.findBy(Membership, { userId });
    const groups = memberships.length
      ? await manager.findBy(Group, { id: In(memberships.map((m) => m.groupId)) })
      : [];
    const names = new Map(groups.map((g) => [g.id, g.name]));
    const requests = await manager.findBy(JoinRequest, { userId });
    const acceptances = await manager.findBy(AgreementAcceptance, { userId });
    return {
      memberships: memberships.map((m) => ({
        groupId: m.groupId,
        groupName: names.get(m.groupId) ?? null,
        pseudonym: m.pseudonym,
        role: m.role,
        status: m.status,
        joinedAt: m.joinedAt?.toISOString() ?? null,
        endedAt: m.endedAt?.toISOString() ?? null,
        endedReason: m.endedReason,
        endedNote: m.endedNote,
      })),
      joinRequests: await Promise.all(
        requests.map(async (r) => ({
          groupId: r.groupId,
          pseudonym: r.pseudonym,
          message: await this.keys.open(r.groupId, requestPlace(r.id, 'message'), r.message),
          status: r.status,
          createdAt: r.createdAt.toISOString(),
          decisionNote: await this.keys.open(r.groupId, requestPlace(r.id, 'decision_note'), r.decisionNote),
        })),
      ),
      agreementAcceptances: acceptances.map((a) => ({
        groupId: a.groupId,
        version: a.version,
        acceptedAt: a.acceptedAt.toISOString(),
      })),
    };
  }

  async erase(userId: string, manager: EntityManager): Promise<void> {
    const memberships = await manager.findBy(Membership, { userId });
    for (const membership of memberships) {
      if (holdsSeat(membership)) await freeSeat(manager, membership.groupId);
    }
    await manager.delete(AgreementAcceptance, { userId });
    await manager.delete(JoinRequest, { userId });
    await manager.delete(Membership, { userId });
  }
}
