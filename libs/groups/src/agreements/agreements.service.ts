import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';

import { Clock, foundOrFail, Transactions, coded } from '@hearth/core';
import type { Caller } from '@hearth/identity';

import {
  AgreementAcceptedEvent,
  AgreementPublishedEvent,
  GroupEvents,
  MembershipActivatedEvent,
} from '../events.js';
import { Group } from '../groups/group.entity.js';
import { assertOpen } from '../groups/groups.service.js';
import { Membership } from '../memberships/membership.entity.js';
import { GroupPolicy } from '../policy/group-policy.js';
import { AgreementAcceptance } from './agreement-acceptance.entity.js';
import type { AcceptanceView, AgreementView } from './dto/agreement.view.js';
import { GroupAgreement } from './group-agreement.entity.js';

@Injectable()
export class AgreementsService {
  constructor(
    private readonly policy: GroupPolicy,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  async current(caller: Caller, groupId: string): Promise<AgreementView> {
    const { group } = await this.policy.authorize(caller, groupId, 'view');
    return this.transactions.run(async (manager) =>
      toView(
        foundOrFail(
          await manager.findOneBy(GroupAgreement, { groupId, version: group.agreementVersion }),
          'Agreement',
        ),
      ),
    );
  }

  /**
   * Publishes a new version. Every member must accept it again before posting (reading stays allowed); the
   * facilitator who publishes it accepts it by publishing.
   */
  async publish(caller: Caller, groupId: string, text: string): Promise<AgreementView> {
    const published = await this.transactions.run(async (manager) => {
      const { group, membership } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      const version = group.agreementVersion + 1;
      const now = this.clock.now();
      // Conditional on the version read, so two facilitators publishing at once cannot both win.
      const bumped = await manager.update(
        Group,
        { id: groupId, agreementVersion: group.agreementVersion },
        {
          agreementVersion: version,
          updatedAt: now,
        },
      );
      if (!bumped.affected)
        throw new ConflictException(
          coded('AGREEMENT_CHANGED', 'Another version was just published; reload and try again'),
        );
      const agreement = manager.create(GroupAgreement, {
        id: randomUUID(),
        groupId,
        version,
        text,
        publishedBy: caller.userId,
        publishedAt: now,
      });
      await manager.insert(GroupAgreement, agreement);
      const accepted = membership?.status === 'active';
      if (accepted) await this.record(manager, membership, version, now);
      return { agreement, accepted };
    });
    const { agreement, accepted } = published;
    this.events.emit(
      GroupEvents.agreementPublished,
      new AgreementPublishedEvent(groupId, agreement.version, caller.userId),
    );
    if (accepted) {
      this.events.emit(
        GroupEvents.agreementAccepted,
        new AgreementAcceptedEvent(groupId, caller.userId, agreement.version),
      );
    }
    return toView(agreement);
  }

  /** Accepting the current version activates a pending membership, or restores the right to post. */
  async accept(caller: Caller, groupId: string, version: number): Promise<{ activated: boolean }> {
    const outcome = await this.transactions.run(async (manager) => {
      const { group, membership } = await this.policy.authorize(caller, groupId, 'participate', manager);
      assertOpen(group);
      if (version !== group.agreementVersion) {
        throw new ConflictException(
          coded(
            'AGREEMENT_NOT_CURRENT',
            `Version ${group.agreementVersion} is the current agreement; read and accept that one`,
          ),
        );
      }
      const activated = membership!.status === 'pending';
      await this.record(manager, membership!, version, this.clock.now());
      return { activated, membership: membership! };
    });
    this.events.emit(
      GroupEvents.agreementAccepted,
      new AgreementAcceptedEvent(groupId, caller.userId, version),
    );
    if (outcome.activated) {
      this.events.emit(
        GroupEvents.membershipActivated,
        new MembershipActivatedEvent(groupId, caller.userId, outcome.membership.id),
      );
    }
    return { activated: outcome.activated };
  }

  /** Who accepted which version, and when; for the group's facilitators. */
  async acceptances(caller: Caller, groupId: string): Promise<AcceptanceView[]> {
    await this.policy.authorize(caller, groupId, 'manage');
    return this.transactions.run(async (manager) => {
      const rows = await manager.find(AgreementAcceptance, {
        where: { groupId },
        order: { version: 'ASC', acceptedAt: 'ASC' },
      });
      const memberships = await manager.findBy(Membership, { groupId });
      const byUser = new Map(memberships.map((m) => [m.userId, m]));
      return rows.map((row) => ({
        membershipId: byUser.get(row.userId)?.id ?? '',
        pseudonym: byUser.get(row.userId)?.pseudonym ?? null,
        version: row.version,
        acceptedAt: row.acceptedAt.toISOString(),
      }));
    });
  }

  private async record(
    manager: EntityManager,
    membership: Membership,
    version: number,
    now: Date,
  ): Promise<void> {
    await manager.update(
      Membership,
      { id: membership.id },
      {
        agreementVersion: version,
        agreementAcceptedAt: now,
        status: 'active',
        joinedAt: membership.joinedAt ?? now,
        updatedAt: now,
      },
    );
    await manager.insert(AgreementAcceptance, {
      id: randomUUID(),
      groupId: membership.groupId,
      userId: membership.userId,
      version,
      acceptedAt: now,
    });
  }
}

function toView(agreement: GroupAgreement): AgreementView {
  return {
    version: agreement.version,
    text: agreement.text,
    publishedAt: agreement.publishedAt.toISOString(),
  };
}
