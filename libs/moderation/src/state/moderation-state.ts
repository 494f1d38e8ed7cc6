import { hash, hkdfSync } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';

import { OnEvent } from '@nestjs/event-emitter';

import { Clock, OnEventOnEveryNode, RELAY_RESYNC, SECRETS, SharedState, type Secrets } from '@hearth/core';

import { BlockedTerm } from '../blocked-terms/blocked-term.entity.js';
import {
  BlockedTermsChangedEvent,
  ModerationEvents,
  MuteChangedEvent,
  RoomSettingsChangedEvent,
} from '../events.js';
import { Mute } from '../mutes/mute.entity.js';
import { RoomSettings, type RoomMode } from '../room-mode/room-settings.entity.js';
import { compileTerm, type CompiledTerm } from '../text/blocked-terms.js';

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

/** What the repeat bookkeeping reads of a message: the pipeline's draft. */
export type Post = Readonly<{ groupId: string; userId: string; body: string }>;

/** Repeats count within this window. */
const REPEAT_WINDOW_MS = 60_000;
/** Posts remembered per person and group for spotting repeats. */
const REPEATS_KEPT = 5;
/** Longer than the longest slow mode (3,600 s). */
const LAST_POST_TTL_MS = 2 * 3600_000;

/**
 * What the message pipeline needs on every message (room settings, mutes, blocked terms), read once from the
 * database and kept until a domain event says it changed. Slow-mode and repeat bookkeeping live here too, in
 * the state every node shares (Redis with REDIS_URL), so that switching nodes does not reset them. Recent posts
 * are kept only as keyed digests, never as text.
 */
@Injectable()
export class ModerationState {
  private readonly settingsCache = new Map<string, Promise<EffectiveSettings>>();
  private readonly muteCache = new Map<string, Promise<Mute | null>>();
  private readonly termsCache = new Map<string, Promise<CompiledTerm[]>>();
  private readonly logger = new Logger(ModerationState.name);
  /** The secret that keys the digests of recent posts, as text that leads every digested post. */
  private readonly digestPrefix: string;
  /** Each post's digest while the post is in hand (a message draft): gone with it. */
  private readonly digests = new WeakMap<Post, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly shared: SharedState,
    @Inject(SECRETS) secrets: Secrets,
  ) {
    this.digestPrefix = `${Buffer.from(
      hkdfSync('sha256', secrets.masterKey, Buffer.alloc(0), 'hearth:moderation:repeats', 32),
    ).toString('hex')}:`;
  }

  async settings(groupId: string): Promise<EffectiveSettings> {
    return this.remembered(this.settingsCache, groupId, async () => {
      const row = await this.dataSource.manager.findOneBy(RoomSettings, { groupId });
      return row
        ? {
            mode: row.mode,
            slowSeconds: row.slowSeconds,
            premoderateDays: row.premoderateDays,
            newMemberLinkDays: row.newMemberLinkDays,
          }
        : DEFAULT_SETTINGS;
    });
  }

  /** The mute in force now, if any. */
  async activeMute(groupId: string, userId: string): Promise<Mute | null> {
    const mute = await this.remembered(this.muteCache, `${groupId}:${userId}`, async () => {
      const mutes = await this.dataSource.manager.find(Mute, {
        where: { groupId, userId, liftedAt: IsNull() },
        order: { createdAt: 'DESC' },
      });
      return mutes[0] ?? null;
    });
    if (mute?.endsAt && mute.endsAt <= this.clock.now()) return null;
    return mute;
  }

  /** Platform-wide terms and the group's own. */
  async terms(groupId: string): Promise<CompiledTerm[]> {
    const [platform, own] = await Promise.all([this.termsFor(null), this.termsFor(groupId)]);
    return [...platform, ...own];
  }

  private termsFor(groupId: string | null): Promise<CompiledTerm[]> {
    return this.remembered(this.termsCache, groupId ?? '*', async () => {
      const rows = await this.dataSource.manager.findBy(BlockedTerm, { groupId: groupId ?? IsNull() });
      return rows.map((row) => compileTerm(row.term, row.action));
    });
  }

  /**
   * The cached read of `key`, or a new one. The read itself is what is cached, so the many messages of a burst
   * that arrive before the first read returns wait for that one read instead of each making their own; and a
   * change announced while a read is under way removes it, so its stale answer is never kept. A read that
   * fails is forgotten, so the next message tries again.
   */
  private remembered<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
    let value = cache.get(key);
    if (!value) {
      value = read();
      cache.set(key, value);
      value.catch(() => {
        if (cache.get(key) === value) cache.delete(key);
      });
    }
    return value;
  }

  /** When this person last posted in the group (ms since the epoch), or null. */
  async lastPostAt(groupId: string, userId: string): Promise<number | null> {
    return this.withFallback(() => this.shared.getNumber(`last-post:${groupId}:${userId}`), null);
  }

  /** Remembers a post for slow mode and for spotting the same message sent again and again. */
  async recordPost(post: Post): Promise<void> {
    const key = `${post.groupId}:${post.userId}`;
    const now = this.clock.now().getTime();
    await this.withFallback(async () => {
      await Promise.all([
        this.shared.setNumber(`last-post:${key}`, now, LAST_POST_TTL_MS),
        this.shared.append(`recent:${key}`, `${now}:${this.digest(post)}`, REPEATS_KEPT, REPEAT_WINDOW_MS),
      ]);
    }, undefined);
  }

  /** How many times this body was posted by this person in the last minute. */
  async repeats(post: Post): Promise<number> {
    const now = this.clock.now().getTime();
    const digest = this.digest(post);
    const recent = await this.withFallback(
      () => this.shared.list(`recent:${post.groupId}:${post.userId}`),
      [],
    );
    return recent.filter((entry) => {
      const [at, seen] = entry.split(':');
      return now - Number(at) < REPEAT_WINDOW_MS && seen === digest;
    }).length;
  }

  /**
   * The keyed digest of a post's words, worked out once per post: the flood check asks for it before the
   * message is stored and the bookkeeping after. SHA-256 of a secret prefix and the words, in one call: without
   * the secret a digest cannot be matched against guessed words, which is all it must withstand (it is only ever
   * compared with this person's recent digests). An HMAC did the same at four times the cost: making its keyed
   * context was 2 % of the event loop in scenario A (issue 19, docs/PERFORMANCE.md).
   */
  private digest(post: Post): string {
    let digest = this.digests.get(post);
    if (digest === undefined) {
      digest = hash('sha256', this.digestPrefix + post.body.toLowerCase(), 'base64url').slice(0, 22);
      this.digests.set(post, digest);
    }
    return digest;
  }

  /** Bookkeeping must never stop the chat: if the shared state is unreachable, the check is skipped. */
  private async withFallback<T>(read: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await read();
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message } }, 'Shared state unavailable');
      return fallback;
    }
  }

  /** Changes announced while this node could not hear them: forget everything, and read again on demand. */
  @OnEvent(RELAY_RESYNC)
  onResync(): void {
    this.settingsCache.clear();
    this.muteCache.clear();
    this.termsCache.clear();
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
