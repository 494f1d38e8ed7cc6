import { BadRequestException, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

import { RealtimePublisher } from '@hearth/chat';
import { Clock, Transactions, coded } from '@hearth/core';
import type { RoomModeDto, RoomStateDto } from '@hearth/contracts';
import { assertOpen, GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';
import { ModerationEvents, RoomSettingsChangedEvent } from '../events.js';

import { ModerationState } from '../state/moderation-state.js';
import { RoomSettings } from './room-settings.entity.js';

/** How the room runs (open, read-only, slow, premoderated): set by facilitators, read by every member. */
@Injectable()
export class RoomModeService {
  constructor(
    private readonly transactions: Transactions,
    private readonly policy: GroupPolicy,
    private readonly state: ModerationState,
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  async setMode(caller: Caller, groupId: string, mode: RoomModeDto): Promise<RoomModeDto> {
    if (mode.mode === 'slow' && !mode.slowSeconds) {
      throw new BadRequestException(coded('SLOW_SECONDS_REQUIRED', 'slowSeconds is required in slow mode'));
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
    this.realtime.toGroup(groupId, 'moderation:event', { groupId, kind: 'mode.changed', text, mode: after });
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
      muteReason: mute?.reason ?? null,
    };
  }
}
