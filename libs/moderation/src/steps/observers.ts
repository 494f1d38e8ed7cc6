import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

import {
  RealtimePublisher,
  type MessageAttemptObserver,
  type MessageDraft,
  type PipelineOutcome,
} from '@hearth/chat';
import type { MessageDto } from '@hearth/contracts';

import { MessageHeldEvent, SafetyEvents } from '../events.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { ReportsService } from '../reports/reports.service.js';

import { ModerationState } from '../state/moderation-state.js';

type Attempt = { draft: MessageDraft; outcome: PipelineOutcome; message: MessageDto | null };

/**
 * Words of crisis, stored or not: the author gets resources privately, an incident is opened, and the group's
 * online facilitators are alerted at once.
 */
@Injectable()
export class CrisisObserver implements MessageAttemptObserver {
  constructor(private readonly incidents: IncidentsService) {}

  async observe({ draft, outcome, message }: Attempt): Promise<void> {
    if (!outcome.urgent) return;
    await this.incidents.open(
      {
        groupId: draft.groupId,
        userId: draft.userId,
        membershipId: draft.membershipId,
        messageId: message?.id ?? null,
      },
      'detector',
      outcome.urgent.category,
      null,
      { tier: outcome.urgent.tier, language: outcome.urgent.language, intrusive: outcome.urgent.intrusive },
    );
  }
}

/** Held messages and flagged ones go to the group's facilitators; posts are remembered for slow mode. */
@Injectable()
export class ReviewObserver implements MessageAttemptObserver {
  constructor(
    private readonly state: ModerationState,
    private readonly reports: ReportsService,
    private readonly realtime: RealtimePublisher,
    private readonly events: EventEmitter2,
  ) {}

  async observe({ draft, outcome, message }: Attempt): Promise<void> {
    if (!message) return;
    if (draft.intent === 'post') await this.state.recordPost(draft);
    if (outcome.decision === 'hold') {
      this.events.emit(
        SafetyEvents.messageHeld,
        new MessageHeldEvent(draft.groupId, message.id, draft.userId, draft.membershipId, outcome.holds),
      );
      this.realtime.toFacilitators(draft.groupId, 'moderation:report', {
        groupId: draft.groupId,
        kind: 'held',
        itemId: message.id,
        messageId: message.id,
        reason: outcome.holds.join('; '),
      });
    } else if (outcome.flags.length > 0) {
      await this.reports.flag(draft.groupId, message.id, draft.userId, outcome.flags);
    }
  }
}
