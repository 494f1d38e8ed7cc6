import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

import { ChatEvents, MessagePostedEvent, MessageRemovedEvent, RealtimePublisher } from '@hearth/chat';
import {
  GroupEvents,
  GroupPolicy,
  type AgreementPublishedEvent,
  type CheckInChangedEvent,
  type JoinRequestCreatedEvent,
  type JoinRequestDecidedEvent,
} from '@hearth/groups';
import { UsersService } from '@hearth/identity';
import { MemberMutedEvent, ReportFiledEvent, SafetyEvents } from '@hearth/moderation';

import { Notifier } from '../outbox/notifier.js';
import type { Category } from '../preferences/preferences.js';
import { everydayNotice } from './everyday-notices.js';

/**
 * Everyday reach: a mention of me or a reply to my message; for facilitators, a join request or a report; for a
 * member, a facilitator's decision about her (a mute, a removed message); a private check-in opened. Each goes to the person's chosen
 * channels for its category, held through quiet hours. Someone with Hearth open right now is not pushed about a
 * mention or reply: the room shows it.
 */
@Injectable()
export class EverydayNoticesListener {
  constructor(
    private readonly notifier: Notifier,
    private readonly policy: GroupPolicy,
    private readonly realtime: RealtimePublisher,
    private readonly users: UsersService,
  ) {}

  @OnEvent(ChatEvents.messagePosted)
  async onPosted(event: MessagePostedEvent): Promise<void> {
    const mentioned = new Set(event.mentionedMembershipIds);
    const addressed = [...mentioned, ...(event.replyToMembershipId ? [event.replyToMembershipId] : [])];
    if (addressed.length === 0) return;
    const seen = new Set<string>();
    for (const membershipId of addressed) {
      const membership = await this.policy.membershipById(event.groupId, membershipId);
      if (!membership || membership.status !== 'active' || membership.userId === event.authorUserId) continue;
      if (seen.has(membership.userId)) continue;
      seen.add(membership.userId);
      if ((await this.realtime.personConnected(membership.userId)) > 0) continue;
      const kind = mentioned.has(membershipId) ? 'mention' : 'reply';
      await this.send(
        [membership.userId],
        'mentions',
        kind,
        event.groupId,
        event.messageId,
        `/groups/${event.groupId}`,
      );
    }
  }

  @OnEvent(GroupEvents.joinRequestCreated)
  async onJoinRequest(event: JoinRequestCreatedEvent): Promise<void> {
    const facilitators = await this.policy.activeFacilitatorIds(event.groupId);
    const url = `/groups/${event.groupId}/console?tab=requests`;
    await this.send(facilitators, 'requests', 'join_request', event.groupId, event.requestId, url);
  }

  @OnEvent(GroupEvents.joinRequestDecided)
  async onJoinDecided(event: JoinRequestDecidedEvent): Promise<void> {
    const kind = event.status === 'approved' ? 'join_approved' : 'join_declined';
    const url = event.status === 'approved' ? `/groups/${event.groupId}/agreement` : '/';
    await this.send([event.userId], 'membership', kind, event.groupId, event.requestId, url);
  }

  /** Everyone already in the group must accept a new agreement before posting again. */
  @OnEvent(GroupEvents.agreementPublished)
  async onAgreement(event: AgreementPublishedEvent): Promise<void> {
    const members = (await this.policy.activeMemberships(event.groupId))
      .map((m) => m.userId)
      .filter((userId) => userId !== event.by);
    const url = `/groups/${event.groupId}/agreement`;
    const about = `${event.groupId}:v${event.version}`;
    await this.send(members, 'membership', 'agreement_updated', event.groupId, about, url);
  }

  /**
   * A private check-in: the member is told when a facilitator opens one with her, the group's facilitators when
   * she asks for one. Never who, never a word of it: the notice opens the conversation.
   */
  @OnEvent(GroupEvents.checkInOpened)
  async onCheckIn(event: CheckInChangedEvent): Promise<void> {
    const url = `/check-ins/${event.checkInId}`;
    if (event.by === event.userId) {
      const facilitators = await this.policy.activeFacilitatorIds(event.groupId);
      await this.send(facilitators, 'requests', 'check_in_requested', event.groupId, event.checkInId, url);
    } else {
      await this.send([event.userId], 'mentions', 'check_in_offered', event.groupId, event.checkInId, url);
    }
  }

  @OnEvent(SafetyEvents.reportFiled)
  async onReport(event: ReportFiledEvent): Promise<void> {
    // A facilitator whose own message was reported is not told: the others review it. When nobody else can (she is
    // the group's only facilitator), the admins do, as with a crisis incident about her.
    const others = (userIds: string[]) => userIds.filter((userId) => userId !== event.authorUserId);
    const facilitators = others(await this.policy.activeFacilitatorIds(event.groupId));
    const reviewers = facilitators.length > 0 ? facilitators : others(await this.users.activeAdminIds());
    const url = `/groups/${event.groupId}/console?tab=queue`;
    await this.send(reviewers, 'requests', 'report', event.groupId, event.reportId, url);
  }

  @OnEvent(SafetyEvents.memberMuted)
  async onMuted(event: MemberMutedEvent): Promise<void> {
    const key = `${event.userId}:${event.until ?? 'lifted'}:${event.byUserId}`;
    await this.send([event.userId], 'moderation', 'muted', event.groupId, key, `/groups/${event.groupId}`);
  }

  @OnEvent(ChatEvents.messageRemoved)
  async onRemoved(event: MessageRemovedEvent): Promise<void> {
    if (event.cause !== 'facilitator' || !event.authorUserId) return;
    const url = `/groups/${event.groupId}`;
    await this.send(
      [event.authorUserId],
      'moderation',
      'message_removed',
      event.groupId,
      event.messageId,
      url,
    );
  }

  private async send(
    userIds: string[],
    category: Category,
    kind: Parameters<typeof everydayNotice>[0],
    groupId: string,
    about: string,
    url: string,
  ): Promise<void> {
    if (userIds.length === 0) return;
    const group = { id: groupId, name: (await this.policy.group(groupId))?.name ?? null };
    await this.notifier.notify(userIds, {
      key: `${kind}:${about}`,
      topic: `${kind}:${about}`.slice(0, 80),
      category,
      compose: (preferences) =>
        everydayNotice(kind, preferences, group, url, `${kind}-${about}`.slice(0, 64)),
    });
  }
}
