import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { Interval } from '@nestjs/schedule';

import { ChatEvents, RealtimePublisher, type MessagePostedEvent } from '@hearth/chat';
import { Clock } from '@hearth/core';
import { GroupPolicy } from '@hearth/groups';

import { Notifier } from '../outbox/notifier.js';
import { fromTimer, oneAtATime } from '../outbox/periodic.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../preferences/preferences.js';
import { everydayNotice } from './everyday-notices.js';

/** How often the groups with new messages are looked at: at most one notice per group and person this often. */
export const NEW_MESSAGES_EVERY_MS = 60_000;

interface Activity {
  lastMessageId: string;
  authors: Set<string>;
}

/**
 * "New messages in my groups", for those who turned it on (it is off by default): either as they come, at
 * most one notice per group a minute (each replaces the last on a device), or one digest for all groups at
 * most every few hours, sent at the end of its window. Posting only marks the group (no query on the hot
 * path); once a minute each marked group's members are looked at. Nobody hears of her own messages, and
 * nobody with Hearth open is pushed.
 */
@Injectable()
export class NewMessageNotices {
  private readonly logger = new Logger(NewMessageNotices.name);
  private activity = new Map<string, Activity>();

  constructor(
    private readonly notifier: Notifier,
    private readonly policy: GroupPolicy,
    private readonly realtime: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  @OnEvent(ChatEvents.messagePosted)
  onPosted(event: MessagePostedEvent): void {
    if (event.kind === 'system') return;
    const seen = this.activity.get(event.groupId) ?? { lastMessageId: event.messageId, authors: new Set() };
    seen.lastMessageId = event.messageId;
    if (event.authorUserId) seen.authors.add(event.authorUserId);
    this.activity.set(event.groupId, seen);
  }

  @Interval('new-message-notices', NEW_MESSAGES_EVERY_MS)
  poll(): void {
    fromTimer(this.logger, 'New-message notices', this.flush);
  }

  /** Writes the notices for the groups marked since the last pass; answers how many rows were new. */
  readonly flush = oneAtATime(() => this.pass());

  private async pass(): Promise<number> {
    const marked = this.activity;
    this.activity = new Map();
    let written = 0;
    for (const [groupId, activity] of marked) written += await this.tell(groupId, activity);
    return written;
  }

  private async tell(groupId: string, activity: Activity): Promise<number> {
    const members = (await this.policy.activeMemberships(groupId))
      .map((m) => m.userId)
      .filter((userId) => !(activity.authors.size === 1 && activity.authors.has(userId)));
    if (members.length === 0) return 0;
    const preferences = await this.notifier.preferencesOf(members);
    const asTheyCome: string[] = [];
    const byDigest = new Map<number, string[]>();
    for (const userId of members) {
      const chosen: Preferences = preferences.get(userId) ?? DEFAULT_PREFERENCES;
      if (!chosen.channels.messages.push && !chosen.channels.messages.email) continue;
      if ((await this.realtime.personConnected(userId)) > 0) continue;
      if (chosen.messageDigestHours === null) asTheyCome.push(userId);
      else
        byDigest.set(chosen.messageDigestHours, [...(byDigest.get(chosen.messageDigestHours) ?? []), userId]);
    }
    const group = { id: groupId, name: (await this.policy.group(groupId))?.name ?? null };
    let written = 0;
    if (asTheyCome.length > 0)
      written += await this.notifier.notify(asTheyCome, {
        key: `messages:${activity.lastMessageId}`,
        topic: `messages:${groupId}`,
        category: 'messages',
        compose: (chosen) =>
          everydayNotice('new_messages', chosen, group, `/groups/${groupId}`, `messages-${groupId}`),
      });
    const now = this.clock.now().getTime();
    for (const [hours, userIds] of byDigest) {
      // One digest per person and window, whichever groups were busy in it; sent as the window closes.
      const window = hours * 3_600_000;
      const ends = (Math.floor(now / window) + 1) * window;
      written += await this.notifier.notify(userIds, {
        key: `digest:${hours}:${ends}`,
        topic: 'messages:digest',
        category: 'messages',
        notBefore: new Date(ends),
        compose: (chosen) =>
          everydayNotice('messages_digest', chosen, { id: groupId, name: null }, '/', 'messages-digest'),
      });
    }
    return written;
  }
}
