import { Injectable } from '@nestjs/common';

import { Clock, coded } from '@hearth/core';
import type { MessageDraft, MessagePipelineStep, StepVerdict } from '@hearth/chat';

import { ModerationState } from '../state/moderation-state.js';

/** Read-only rooms take posts from facilitators only; slow rooms one post per member every N seconds. */
@Injectable()
export class RoomModeStep implements MessagePipelineStep {
  readonly name = 'room-mode';

  constructor(
    private readonly state: ModerationState,
    private readonly clock: Clock,
  ) {}

  async inspect(draft: MessageDraft): Promise<StepVerdict> {
    if (draft.role === 'facilitator') return { action: 'allow' };
    const settings = await this.state.settings(draft.groupId);
    if (settings.mode === 'read_only') {
      return {
        action: 'block',
        code: 'READ_ONLY',
        message: coded('ROOM_READ_ONLY', 'The room is read-only for now; only facilitators can post'),
      };
    }
    // Slow mode paces new messages; fixing the words of one already posted is not a new message.
    if (settings.mode === 'slow' && settings.slowSeconds && draft.intent === 'post') {
      const last = await this.state.lastPostAt(draft.groupId, draft.userId);
      const waitMs = last === null ? 0 : last + settings.slowSeconds * 1000 - this.clock.now().getTime();
      if (waitMs > 0) {
        const waitSeconds = Math.ceil(waitMs / 1000);
        return {
          action: 'block',
          code: 'SLOW_MODE',
          message: coded('SLOW_MODE_WAIT', `Slow mode: you can post again in ${waitSeconds} s`),
          details: { waitSeconds },
        };
      }
    }
    return { action: 'allow' };
  }
}
