import { randomUUID } from 'node:crypto';

import { Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { In, IsNull, type EntityManager } from 'typeorm';

import { RealtimePublisher } from '@hearth/chat';
import { Clock, Transactions, coded } from '@hearth/core';
import { assertOpen, GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';
import { assertModeratableMember } from '../common/moderatable-member.js';
import { MemberMutedEvent, ModerationEvents, MuteChangedEvent, SafetyEvents } from '../events.js';

import { ModerationSealing } from '../sealing/moderation-sealing.js';
import { Mute } from './mute.entity.js';

/** A facilitator mutes a member: audited, shown neutrally to the room, and told to the person. */
@Injectable()
export class MutesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly policy: GroupPolicy,
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly sealing: ModerationSealing,
  ) {}

  /** Mutes a member for 5 minutes to 7 days, or until lifted (minutes null). */
  /** `member`: by account, or by membership (as the room names the author of a message). */
  async mute(
    caller: Caller,
    groupId: string,
    member: { userId?: string; membershipId?: string },
    minutes: number | null,
    reason?: string,
  ): Promise<Mute> {
    let userId = member.userId ?? '';
    const mute = await this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      if (member.membershipId) {
        const membership = await this.policy.membershipById(groupId, member.membershipId);
        if (!membership?.userId) throw new NotFoundException(coded('MEMBER_NOT_FOUND', 'Member not found'));
        userId = membership.userId;
      }
      await assertModeratableMember(this.policy, groupId, userId);
      await this.liftActive(manager, groupId, userId, caller.userId);
      const now = this.clock.now();
      const mute = manager.create(Mute, {
        id: randomUUID(),
        groupId,
        userId,
        mutedBy: caller.userId,
        reason: reason ?? null,
        createdAt: now,
        endsAt: minutes === null ? null : new Date(now.getTime() + minutes * 60_000),
        liftedAt: null,
        liftedBy: null,
      });
      await manager.insert(Mute, {
        ...mute,
        reason: await this.sealing.seal(groupId, 'mutes', mute.id, 'reason', mute.reason, manager),
      });
      await this.audit.record(
        {
          groupId,
          actorUserId: caller.userId,
          action: 'member.muted',
          targetUserId: userId,
          reason: reason ?? null,
          details: { until: mute.endsAt?.toISOString() ?? null },
        },
        manager,
      );
      return mute;
    });
    this.events.emit(ModerationEvents.muteChanged, new MuteChangedEvent(groupId, userId));
    const until = mute.endsAt?.toISOString() ?? null;
    this.events.emit(SafetyEvents.memberMuted, new MemberMutedEvent(groupId, userId, caller.userId, until));
    this.realtime.toPerson(userId, 'notice', {
      kind: 'moderation.muted',
      groupId,
      // The end of the mute is shown by the client, in the reader's own time zone (state.mutedUntil); an ISO
      // timestamp in this sentence read as noise.
      message: 'A facilitator muted you. You can still read.',
      reason: reason ?? null,
    });
    this.realtime.toGroup(groupId, 'moderation:event', {
      groupId,
      kind: 'member.muted',
      text: 'A facilitator muted a member.',
    });
    return mute;
  }

  async unmute(caller: Caller, groupId: string, userId: string): Promise<void> {
    const lifted = await this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const lifted = await this.liftActive(manager, groupId, userId, caller.userId);
      if (lifted === 0) throw new NotFoundException(coded('NOT_MUTED', 'This member is not muted'));
      await this.audit.record(
        { groupId, actorUserId: caller.userId, action: 'member.unmuted', targetUserId: userId },
        manager,
      );
      return lifted;
    });
    if (lifted) {
      this.events.emit(ModerationEvents.muteChanged, new MuteChangedEvent(groupId, userId));
      this.realtime.toPerson(userId, 'notice', {
        kind: 'moderation.unmuted',
        groupId,
        message: 'You can post again.',
      });
      this.realtime.toGroup(groupId, 'moderation:event', {
        groupId,
        kind: 'member.unmuted',
        text: 'A facilitator lifted a mute.',
      });
    }
  }

  private async liftActive(
    manager: EntityManager,
    groupId: string,
    userId: string,
    by: string,
  ): Promise<number> {
    const active = await manager.find(Mute, { where: { groupId, userId, liftedAt: IsNull() } });
    const now = this.clock.now();
    const current = active.filter((m) => m.endsAt === null || m.endsAt > now);
    if (active.length) {
      await manager.update(Mute, { id: In(active.map((m) => m.id)) }, { liftedAt: now, liftedBy: by });
    }
    return current.length;
  }
}
