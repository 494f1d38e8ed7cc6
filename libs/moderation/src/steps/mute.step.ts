import { coded } from '@hearth/core';
import { Injectable } from '@nestjs/common';

import type { MessageDraft, MessagePipelineStep, StepVerdict } from '@hearth/chat';

import { ModerationState } from '../state/moderation-state.js';

type Actor = Pick<MessageDraft, 'groupId' | 'userId' | 'role'>;

/** A muted member reads but neither posts nor reacts until the mute ends. */
@Injectable()
export class MuteStep implements MessagePipelineStep {
  readonly name = 'mute';

  constructor(private readonly state: ModerationState) {}

  inspect(draft: MessageDraft): Promise<StepVerdict> {
    return this.check(draft);
  }

  inspectReaction(actor: Actor): Promise<StepVerdict> {
    return this.check(actor);
  }

  private async check(actor: Actor): Promise<StepVerdict> {
    const mute = await this.state.activeMute(actor.groupId, actor.userId);
    if (!mute) return { action: 'allow' };
    const until = mute.endsAt?.toISOString() ?? null;
    return {
      action: 'block',
      code: 'MUTED',
      // `details.until` carries the end for the client to show in the reader's time zone.
      message: until
        ? coded('MUTED_FOR_NOW', 'A facilitator muted you for now; you can post again when the mute ends')
        : coded('MUTED_UNTIL_FURTHER_NOTICE', 'A facilitator muted you until further notice'),
      details: { until },
    };
  }
}
