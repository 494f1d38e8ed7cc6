import { randomUUID } from 'node:crypto';

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { In, IsNull, type EntityManager } from 'typeorm';

import { Clock, Transactions } from '@hearth/core';
import { MessagesService } from '@hearth/chat';
import type { MessageDto, RoomModeDto, RoomStateDto } from '@hearth/contracts';
import { assertOpen, GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';
import { ModerationEvents, MuteChangedEvent, RoomSettingsChangedEvent } from '../events.js';
import { SafetyNotifier } from '../safety-notifier.js';
import { ModerationState } from '../settings/moderation-state.js';
import { RoomSettings } from '../settings/room-settings.entity.js';
import { Mute } from './mute.entity.js';
import { Pin } from './pin.entity.js';

/** What facilitators do in a room. Each action is audited, shown neutrally to the room, and told to the person. */
@Injectable()
export class ModerationActionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly policy: GroupPolicy,
    private readonly messages: MessagesService,
    private readonly state: ModerationState,
    private readonly audit: AuditService,
    private readonly notifier: SafetyNotifier,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  async removeMessage(
    caller: Caller,
    groupId: string,
    messageId: string,
    reason?: string,
  ): Promise<MessageDto> {
    await this.policy.authorize(caller, groupId, 'manage');
    const found = await this.messages.forReview(groupId, messageId);
    if (!found) throw new NotFoundException('Message not found');
    const tombstone = await this.messages.removeByFacilitator(groupId, messageId, caller.userId);
    if (!tombstone) throw new ConflictException('This message is already gone');
    await this.audit.record({
      groupId,
      actorUserId: caller.userId,
      action: 'message.removed',
      targetUserId: found.authorUserId,
      targetMessageId: messageId,
      reason: reason ?? null,
    });
    this.notifier.toRoom(groupId, 'message:updated', tombstone);
    this.notifier.toRoom(groupId, 'moderation:event', {
      groupId,
      kind: 'message.removed',
      text: 'A facilitator removed a message.',
      messageId,
    });
    if (found.authorUserId) {
      this.notifier.toUser(found.authorUserId, 'notice', {
        kind: 'moderation.message_removed',
        groupId,
        message: 'A facilitator removed one of your messages.',
        reason: reason ?? null,
      });
    }
    return tombstone;
  }

  /** Mutes a member for 5 minutes to 7 days, or until lifted (minutes null). */
  async mute(
    caller: Caller,
    groupId: string,
    userId: string,
    minutes: number | null,
    reason?: string,
  ): Promise<Mute> {
    const mute = await this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      await this.assertMember(groupId, userId);
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
      await manager.insert(Mute, mute);
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
    this.notifier.toUser(userId, 'notice', {
      kind: 'moderation.muted',
      groupId,
      message: until
        ? `A facilitator muted you until ${until}. You can still read.`
        : 'A facilitator muted you. You can still read.',
      reason: reason ?? null,
    });
    this.notifier.toRoom(groupId, 'moderation:event', {
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
      if (lifted === 0) throw new NotFoundException('This member is not muted');
      await this.audit.record(
        { groupId, actorUserId: caller.userId, action: 'member.unmuted', targetUserId: userId },
        manager,
      );
      return lifted;
    });
    if (lifted) {
      this.events.emit(ModerationEvents.muteChanged, new MuteChangedEvent(groupId, userId));
      this.notifier.toUser(userId, 'notice', {
        kind: 'moderation.unmuted',
        groupId,
        message: 'You can post again.',
      });
      this.notifier.toRoom(groupId, 'moderation:event', {
        groupId,
        kind: 'member.unmuted',
        text: 'A facilitator lifted a mute.',
      });
    }
  }

  /** A private word with a member: only they (and the audit log) know. */
  async warn(caller: Caller, groupId: string, userId: string, reason: string): Promise<void> {
    await this.policy.authorize(caller, groupId, 'manage');
    await this.assertMember(groupId, userId);
    await this.audit.record({
      groupId,
      actorUserId: caller.userId,
      action: 'member.warned',
      targetUserId: userId,
      reason,
    });
    this.notifier.toUser(userId, 'notice', {
      kind: 'moderation.warning',
      groupId,
      message: 'A facilitator sent you a private note.',
      reason,
    });
  }

  async setMode(caller: Caller, groupId: string, mode: RoomModeDto): Promise<RoomModeDto> {
    if (mode.mode === 'slow' && !mode.slowSeconds) {
      throw new BadRequestException('slowSeconds is required in slow mode');
    }
    const after = await this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      const current = await manager.findOneBy(RoomSettings, { groupId });
      const before = current
        ? { mode: current.mode, slowSeconds: current.slowSeconds, premoderateDays: current.premoderateDays }
        : null;
      const after: RoomModeDto = {
        mode: mode.mode,
        slowSeconds: mode.mode === 'slow' ? mode.slowSeconds : null,
        premoderateDays: mode.premoderateDays ?? null,
      };
      await manager.upsert(
        RoomSettings,
        {
          groupId,
          ...after,
          newMemberLinkDays: current?.newMemberLinkDays ?? 3,
          crisisCountry: current?.crisisCountry ?? null,
          crisisResources: current?.crisisResources ?? null,
          updatedAt: this.clock.now(),
        },
        ['groupId'],
      );
      await this.audit.record(
        { groupId, actorUserId: caller.userId, action: 'room.mode_changed', details: { before, after } },
        manager,
      );
      return after;
    });
    this.events.emit(ModerationEvents.settingsChanged, new RoomSettingsChangedEvent(groupId));
    const text =
      after.mode === 'read_only'
        ? 'The room is read-only for now.'
        : after.mode === 'slow'
          ? `Slow mode is on: one message every ${after.slowSeconds} seconds.`
          : 'The room is open.';
    this.notifier.toRoom(groupId, 'moderation:event', { groupId, kind: 'mode.changed', text, mode: after });
    return after;
  }

  async mode(caller: Caller, groupId: string): Promise<RoomStateDto> {
    await this.policy.authorize(caller, groupId, 'read');
    const settings = await this.state.settings(groupId);
    const mute = await this.state.activeMute(groupId, caller.userId);
    return {
      mode: settings.mode,
      slowSeconds: settings.slowSeconds,
      premoderateDays: settings.premoderateDays,
      muted: mute !== null,
      mutedUntil: mute?.endsAt?.toISOString() ?? null,
    };
  }

  async pin(caller: Caller, groupId: string, messageId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const found = await this.messages.forReview(groupId, messageId);
      if (!found || found.message.status !== 'visible' || found.message.deleted)
        throw new NotFoundException('Message not found');
      if (await manager.findOneBy(Pin, { messageId })) return;
      await manager.insert(Pin, { messageId, groupId, pinnedBy: caller.userId, pinnedAt: this.clock.now() });
      await this.audit.record(
        { groupId, actorUserId: caller.userId, action: 'message.pinned', targetMessageId: messageId },
        manager,
      );
    });
    this.notifier.toRoom(groupId, 'moderation:event', {
      groupId,
      kind: 'pins.changed',
      text: 'A message was pinned.',
      messageId,
    });
  }

  async unpin(caller: Caller, groupId: string, messageId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const result = await manager.delete(Pin, { messageId, groupId });
      if (!result.affected) throw new NotFoundException('This message is not pinned');
      await this.audit.record(
        { groupId, actorUserId: caller.userId, action: 'message.unpinned', targetMessageId: messageId },
        manager,
      );
    });
    this.notifier.toRoom(groupId, 'moderation:event', {
      groupId,
      kind: 'pins.changed',
      text: 'A message was unpinned.',
      messageId,
    });
  }

  /** Pinned messages, newest pin first, as the caller may see them. */
  async pins(caller: Caller, groupId: string): Promise<MessageDto[]> {
    await this.policy.authorize(caller, groupId, 'read');
    const pins = await this.transactions.run((manager) =>
      manager.find(Pin, { where: { groupId }, order: { pinnedAt: 'DESC' } }),
    );
    const found = await Promise.all(pins.map((pin) => this.messages.forReview(groupId, pin.messageId)));
    return found
      .filter(
        (f): f is NonNullable<typeof f> => f !== null && f.message.status === 'visible' && !f.message.deleted,
      )
      .map((f) => f.message);
  }

  private async assertMember(groupId: string, userId: string): Promise<void> {
    const membership = await this.policy.membershipOf(groupId, userId);
    if (!membership || !['active', 'pending'].includes(membership.status))
      throw new NotFoundException('Member not found');
    if (membership.role === 'facilitator')
      throw new ConflictException('Facilitators cannot be muted or warned here');
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
