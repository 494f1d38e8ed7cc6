import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';

import { Clock, OnEventOnEveryNode } from '@hearth/core';

import { Mute } from '../actions/mute.entity.js';
import {
  BlockedTermsChangedEvent,
  ModerationEvents,
  MuteChangedEvent,
  RoomSettingsChangedEvent,
} from '../events.js';
import { compileTerm, type CompiledTerm } from '../text/blocked-terms.js';
import { BlockedTerm } from './blocked-term.entity.js';
import { RoomSettings, type RoomMode } from './room-settings.entity.js';

export interface EffectiveSettings {
  mode: RoomMode;
  slowSeconds: number | null;
  premoderateDays: number | null;
  newMemberLinkDays: number;
}

export const DEFAULT_SETTINGS: EffectiveSettings = {
  mode: 'open',
  slowSeconds: null,
  premoderateDays: null,
  newMemberLinkDays: 3,
};

/**
 * What the message pipeline needs on every message (room settings, mutes, blocked terms), read once from the
 * database and kept until a domain event says it changed. Slow-mode and repeat bookkeeping live here too.
 */
@Injectable()
export class ModerationState {
  private readonly settingsCache = new Map<string, EffectiveSettings>();
  private readonly muteCache = new Map<string, Mute | null>();
  private readonly termsCache = new Map<string, CompiledTerm[]>();
  private readonly lastPosts = new Map<string, number>();
  private readonly recentBodies = new Map<string, { body: string; at: number }[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async settings(groupId: string): Promise<EffectiveSettings> {
    let settings = this.settingsCache.get(groupId);
    if (!settings) {
      const row = await this.dataSource.manager.findOneBy(RoomSettings, { groupId });
      settings = row
        ? {
            mode: row.mode,
            slowSeconds: row.slowSeconds,
            premoderateDays: row.premoderateDays,
            newMemberLinkDays: row.newMemberLinkDays,
          }
        : DEFAULT_SETTINGS;
      this.settingsCache.set(groupId, settings);
    }
    return settings;
  }

  /** The mute in force now, if any. */
  async activeMute(groupId: string, userId: string): Promise<Mute | null> {
    const key = `${groupId}:${userId}`;
    if (!this.muteCache.has(key)) {
      const mutes = await this.dataSource.manager.find(Mute, {
        where: { groupId, userId, liftedAt: IsNull() },
        order: { createdAt: 'DESC' },
      });
      this.muteCache.set(key, mutes[0] ?? null);
    }
    const mute = this.muteCache.get(key) ?? null;
    if (mute?.endsAt && mute.endsAt <= this.clock.now()) return null;
    return mute;
  }

  /** Platform-wide terms and the group's own. */
  async terms(groupId: string): Promise<CompiledTerm[]> {
    const platform = await this.termsFor(null);
    const own = await this.termsFor(groupId);
    return [...platform, ...own];
  }

  private async termsFor(groupId: string | null): Promise<CompiledTerm[]> {
    const key = groupId ?? '*';
    let terms = this.termsCache.get(key);
    if (!terms) {
      const rows = await this.dataSource.manager.findBy(BlockedTerm, { groupId: groupId ?? IsNull() });
      terms = rows.map((row) => compileTerm(row.term, row.action));
      this.termsCache.set(key, terms);
    }
    return terms;
  }

  lastPostAt(groupId: string, userId: string): number | null {
    return this.lastPosts.get(`${groupId}:${userId}`) ?? null;
  }

  /** Remembers a post for slow mode and for spotting the same message sent again and again. */
  recordPost(groupId: string, userId: string, body: string): void {
    const key = `${groupId}:${userId}`;
    const now = this.clock.now().getTime();
    this.lastPosts.set(key, now);
    const recent = (this.recentBodies.get(key) ?? []).filter((entry) => now - entry.at < 60_000);
    recent.push({ body, at: now });
    this.recentBodies.set(key, recent.slice(-5));
  }

  /** How many times this body was posted by this person in the last minute. */
  repeats(groupId: string, userId: string, body: string): number {
    const now = this.clock.now().getTime();
    const recent = this.recentBodies.get(`${groupId}:${userId}`) ?? [];
    const folded = body.toLowerCase();
    return recent.filter((entry) => now - entry.at < 60_000 && entry.body.toLowerCase() === folded).length;
  }

  @OnEventOnEveryNode(ModerationEvents.settingsChanged)
  onSettingsChanged(event: RoomSettingsChangedEvent): void {
    this.settingsCache.delete(event.groupId);
  }

  @OnEventOnEveryNode(ModerationEvents.muteChanged)
  onMuteChanged(event: MuteChangedEvent): void {
    this.muteCache.delete(`${event.groupId}:${event.userId}`);
  }

  @OnEventOnEveryNode(ModerationEvents.termsChanged)
  onTermsChanged(event: BlockedTermsChangedEvent): void {
    this.termsCache.delete(event.groupId ?? '*');
  }
}
