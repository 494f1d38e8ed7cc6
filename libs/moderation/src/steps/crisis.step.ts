import { Injectable } from '@nestjs/common';

import type { MessageDraft, MessagePipelineStep, StepVerdict } from '@hearth/chat';
import { assessCrisis } from '@hearth/safety';

/** Words of crisis never stop a message: they mark it urgent, so that it is posted and its author cared for. */
@Injectable()
export class CrisisStep implements MessagePipelineStep {
  readonly name = 'crisis';

  inspect(draft: MessageDraft): StepVerdict {
    const finding = assessCrisis(draft.body);
    return finding ? { action: 'allow', urgent: finding } : { action: 'allow' };
  }
}
