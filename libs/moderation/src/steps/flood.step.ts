import { Injectable } from '@nestjs/common';

import type { MessageDraft, MessagePipelineStep, StepVerdict } from '@hearth/chat';

import { ModerationState } from '../state/moderation-state.js';

/** The same words three times within a minute is flooding, whatever the rate. */
const MAX_REPEATS = 2;

@Injectable()
export class FloodStep implements MessagePipelineStep {
  readonly name = 'flood';

  constructor(private readonly state: ModerationState) {}

  async inspect(draft: MessageDraft): Promise<StepVerdict> {
    if ((await this.state.repeats(draft)) >= MAX_REPEATS) {
      return {
        action: 'block',
        code: 'RATE_LIMITED',
        message: 'You already sent this message',
        details: { repeated: true },
      };
    }
    return { action: 'allow' };
  }
}
