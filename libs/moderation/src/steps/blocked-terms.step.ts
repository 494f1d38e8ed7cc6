import { coded } from '@hearth/core';
import { Injectable } from '@nestjs/common';

import type { MessageDraft, MessagePipelineStep, StepVerdict } from '@hearth/chat';

import { ModerationState } from '../state/moderation-state.js';
import { findTerms, strongest } from '../text/blocked-terms.js';

/** Platform and group word lists: each term blocks the message, holds it for review, or flags it. */
@Injectable()
export class BlockedTermsStep implements MessagePipelineStep {
  readonly name = 'blocked-terms';

  constructor(private readonly state: ModerationState) {}

  async inspect(draft: MessageDraft): Promise<StepVerdict> {
    const terms = await this.state.terms(draft.groupId);
    // Most groups keep no list: then the text need not be read at all.
    if (terms.length === 0) return { action: 'allow' };
    const matches = findTerms(draft.body, terms);
    const found = matches.map((m) => m.term);
    switch (strongest(matches)) {
      case 'block':
        return {
          action: 'block',
          code: 'BLOCKED',
          message: coded(
            'BLOCKED_WORDS',
            'Your message uses words this group does not allow; please rephrase it',
          ),
          details: { terms: matches.filter((m) => m.action === 'block').map((m) => m.term) },
        };
      case 'hold':
        return { action: 'hold', reason: `blocked term: ${found.join(', ')}` };
      case 'flag':
        return { action: 'flag', reason: `flagged term: ${found.join(', ')}` };
      default:
        return { action: 'allow' };
    }
  }
}
