import { Injectable } from '@nestjs/common';

import { Clock } from '@hearth/core';
import type { MessageDraft, MessagePipelineStep, StepVerdict } from '@hearth/chat';

import { ModerationState } from '../state/moderation-state.js';
import { containsLink } from '@hearth/safety';

const DAY_MS = 86_400_000;

function joinedWithin(draft: MessageDraft, days: number | null, now: Date): boolean {
  if (draft.role === 'facilitator' || !days) return false;
  return draft.joinedAt === null || now.getTime() - draft.joinedAt.getTime() < days * DAY_MS;
}

/** Links from members in their first days wait for a facilitator's review. */
@Injectable()
export class NewMemberLinkStep implements MessagePipelineStep {
  readonly name = 'new-member-links';

  constructor(
    private readonly state: ModerationState,
    private readonly clock: Clock,
  ) {}

  async inspect(draft: MessageDraft): Promise<StepVerdict> {
    const { newMemberLinkDays } = await this.state.settings(draft.groupId);
    if (joinedWithin(draft, newMemberLinkDays, this.clock.now()) && containsLink(draft.body)) {
      return { action: 'hold', reason: 'link from a new member' };
    }
    return { action: 'allow' };
  }
}

/** With premoderation on, every message of a member who joined less than N days ago waits for review. */
@Injectable()
export class PremoderationStep implements MessagePipelineStep {
  readonly name = 'premoderation';

  constructor(
    private readonly state: ModerationState,
    private readonly clock: Clock,
  ) {}

  async inspect(draft: MessageDraft): Promise<StepVerdict> {
    const { premoderateDays } = await this.state.settings(draft.groupId);
    if (joinedWithin(draft, premoderateDays, this.clock.now())) {
      return { action: 'hold', reason: 'new member: messages are reviewed first' };
    }
    return { action: 'allow' };
  }
}
