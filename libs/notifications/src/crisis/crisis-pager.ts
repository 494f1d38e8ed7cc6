import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';

import { Clock, Transactions, type HearthConfig } from '@hearth/core';
import { GroupEvents, GroupPolicy, type GroupChangedEvent } from '@hearth/groups';
import { UsersService } from '@hearth/identity';
import { RealtimePublisher } from '@hearth/chat';
import {
  toldMessage,
  IncidentAnsweredEvent,
  IncidentEscalatedEvent,
  IncidentOpenedEvent,
  SafetyEvents,
} from '@hearth/moderation';

import { NotificationDeliveredEvent, NotificationEvents } from '../events.js';
import { Notifier } from '../outbox/notifier.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { crisisNotice, type CrisisRound } from './crisis-notices.js';
import { CrisisPage } from './crisis-page.entity.js';

/** How often each node looks for incidents due another round of alerts (more often if rounds are closer). */
const TICK_MS = 15_000;

/**
 * Pages a group's facilitators about a crisis incident, by push and email, at once and again every
 * CRISIS_REPEAT_MINUTES until one of them acknowledges it; once it escalates, the admins too. A group with no
 * facilitator who can act pages the admins from the start. Each round is claimed by a conditional update, so
 * with several nodes exactly one sends it, and each row's key makes a second write of it a no-op.
 */
@Injectable()
export class CrisisPager implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CrisisPager.name);
  private readonly repeatMs: number;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly outbox: OutboxService,
    private readonly policy: GroupPolicy,
    private readonly users: UsersService,
    private readonly realtime: RealtimePublisher,
    config: ConfigService<HearthConfig, true>,
  ) {
    this.repeatMs = config.get('safety', { infer: true }).repeatMinutes * 60_000;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => {
        this.ticking ??= this.tick()
          .catch((error: Error) =>
            this.logger.warn({ err: { message: error.message } }, 'Crisis paging failed'),
          )
          .finally(() => (this.ticking = null));
      },
      Math.min(TICK_MS, this.repeatMs / 4),
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
  }

  @OnEvent(SafetyEvents.incidentOpened)
  async onOpened(event: IncidentOpenedEvent): Promise<void> {
    const now = this.clock.now();
    const page = await this.transactions.run(async (manager) => {
      if (await manager.existsBy(CrisisPage, { incidentId: event.incidentId })) return null;
      return manager.save(
        manager.create(CrisisPage, {
          incidentId: event.incidentId,
          groupId: event.groupId,
          // Told when someone was reached: only a writer (a reported member did not ask for help).
          subjectUserId: event.source === 'detector' ? event.subjectUserId : null,
          aboutUserId: event.subjectUserId,
          language: event.support.language,
          tier: event.tier,
          rounds: 1,
          openedAt: now,
          nextRoundAt: new Date(now.getTime() + this.repeatMs),
          escalatedAt: null,
          reachedAt: null,
          closedAt: null,
        }),
      );
    });
    if (page) await this.send(page, 1);
  }

  @OnEvent(SafetyEvents.incidentAcknowledged)
  @OnEvent(SafetyEvents.incidentResolved)
  async onAnswered(event: IncidentAnsweredEvent): Promise<void> {
    await this.transactions.run((manager) =>
      manager.update(
        CrisisPage,
        { incidentId: event.incidentId, closedAt: IsNull() },
        { closedAt: this.clock.now() },
      ),
    );
    await this.outbox.cancel(topicOf(event.incidentId));
  }

  @OnEvent(SafetyEvents.incidentEscalated)
  async onEscalated(event: IncidentEscalatedEvent): Promise<void> {
    const page = await this.transactions.run(async (manager) => {
      await manager.update(
        CrisisPage,
        { incidentId: event.incidentId, closedAt: IsNull(), escalatedAt: IsNull() },
        { escalatedAt: this.clock.now() },
      );
      return manager.findOneBy(CrisisPage, { incidentId: event.incidentId, closedAt: IsNull() });
    });
    if (!page) return;
    const [admins, groupName] = await Promise.all([
      this.users.activeAdminIds(),
      this.groupName(page.groupId),
    ]);
    await this.notifier.notify(notAbout(page, admins), {
      key: `incident:${page.incidentId}:escalated`,
      topic: topicOf(page.incidentId),
      category: 'crisis',
      compose: (preferences) => crisisNotice(page, 'escalated', preferences, groupName),
    });
  }

  /** An erased group's incidents are gone: so are their pages, and whatever was still to be sent about them. */
  @OnEvent(GroupEvents.groupErased)
  async onGroupErased({ groupId }: GroupChangedEvent): Promise<void> {
    const pages = await this.transactions.run(async (manager) => {
      const rows = await manager.find(CrisisPage, { where: { groupId }, select: { incidentId: true } });
      await manager.delete(CrisisPage, { groupId });
      return rows;
    });
    for (const page of pages) await this.outbox.cancel(topicOf(page.incidentId));
  }

  /**
   * The first time an alert about an incident reached someone's device or inbox: recorded, and the person who
   * wrote is told that a facilitator knows (the sockets may have told her already, if one was online).
   */
  @OnEvent(NotificationEvents.delivered)
  async onDelivered(event: NotificationDeliveredEvent): Promise<void> {
    if (!event.kind.startsWith('crisis') || !event.topic.startsWith('incident:')) return;
    const incidentId = event.topic.slice('incident:'.length);
    const first = await this.transactions.run(async (manager) => {
      const marked = await manager.update(
        CrisisPage,
        { incidentId, reachedAt: IsNull() },
        { reachedAt: this.clock.now() },
      );
      return marked.affected ? manager.findOneBy(CrisisPage, { incidentId }) : null;
    });
    if (first?.subjectUserId)
      this.realtime.toPerson(first.subjectUserId, 'safety:reached', {
        groupId: first.groupId,
        message: toldMessage(first.language, true),
      });
  }

  /** Sends every round that is due: each node runs this; a round goes out from the node that claims it. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    const due = await this.dataSource.manager.find(CrisisPage, {
      where: { closedAt: IsNull(), nextRoundAt: LessThanOrEqual(now) },
      order: { nextRoundAt: 'ASC' },
      take: 100,
    });
    for (const page of due) {
      const round = page.rounds + 1;
      const claimed = await this.transactions.run((manager) =>
        manager.update(
          CrisisPage,
          { incidentId: page.incidentId, rounds: page.rounds, closedAt: IsNull() },
          { rounds: round, nextRoundAt: new Date(now.getTime() + this.repeatMs) },
        ),
      );
      if (claimed.affected) await this.send({ ...page, rounds: round }, round);
    }
  }

  private async send(page: CrisisPage, round: number): Promise<void> {
    // A facilitator the incident is about is not paged about herself; the others are.
    const facilitators = notAbout(page, await this.policy.activeFacilitatorIds(page.groupId));
    // Nobody (else) can act as this group's facilitator: the admins hear it from the first round.
    const admins =
      page.escalatedAt || facilitators.length === 0 ? notAbout(page, await this.users.activeAdminIds()) : [];
    const kind: CrisisRound = round === 1 ? 'opened' : 'repeat';
    const groupName = await this.groupName(page.groupId);
    await this.notifier.notify([...facilitators, ...admins], {
      key: `incident:${page.incidentId}:r${round}`,
      topic: topicOf(page.incidentId),
      category: 'crisis',
      compose: (preferences) => crisisNotice(page, kind, preferences, groupName),
    });
  }

  private async groupName(groupId: string): Promise<string | null> {
    return (await this.policy.group(groupId))?.name ?? null;
  }
}

/** The people to alert, less the one the incident is about. */
function notAbout(page: Pick<CrisisPage, 'aboutUserId'>, userIds: string[]): string[] {
  return userIds.filter((id) => id !== page.aboutUserId);
}

function topicOf(incidentId: string): string {
  return `incident:${incidentId}`;
}
