import { coded } from '@hearth/core';
import { ConflictException, NotFoundException } from '@nestjs/common';

import type { GroupPolicy } from '@hearth/groups';

/** The member a facilitator mutes or warns: active or pending, and not a facilitator. */
export async function assertModeratableMember(
  policy: GroupPolicy,
  groupId: string,
  userId: string,
): Promise<void> {
  const membership = await policy.membershipOf(groupId, userId);
  if (!membership || !['active', 'pending'].includes(membership.status))
    throw new NotFoundException(coded('MEMBER_NOT_FOUND', 'Member not found'));
  if (membership.role === 'facilitator')
    throw new ConflictException(
      coded('FACILITATOR_NOT_MODERATED', 'Facilitators cannot be muted or warned here'),
    );
}
