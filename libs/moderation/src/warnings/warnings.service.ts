import { Injectable } from '@nestjs/common';

import { RealtimePublisher } from '@hearth/chat';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { AuditService } from '../audit/audit.service.js';
import { assertModeratableMember } from '../common/moderatable-member.js';

@Injectable()
export class WarningsService {
  constructor(
    private readonly policy: GroupPolicy,
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
  ) {}

  /** A private word with a member: only they (and the audit log) know. */
  async warn(caller: Caller, groupId: string, userId: string, reason: string): Promise<void> {
    await this.policy.authorize(caller, groupId, 'manage');
    await assertModeratableMember(this.policy, groupId, userId);
    await this.audit.record({
      groupId,
      actorUserId: caller.userId,
      action: 'member.warned',
      targetUserId: userId,
      reason,
    });
    this.realtime.toPerson(userId, 'notice', {
      kind: 'moderation.warning',
      groupId,
      message: 'A facilitator sent you a private note.',
      reason,
    });
  }
}
