import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

import { GroupEvents, MembershipEndedEvent } from '@hearth/groups';

import { SharingService } from './sharing.service.js';

/**
 * Her consent to share scores was given to a group she belonged to: when she leaves, is removed or banned, it
 * ends with her membership, so coming back later shares nothing until she chooses again.
 */
@Injectable()
export class SharingListener {
  constructor(private readonly sharing: SharingService) {}

  @OnEvent(GroupEvents.membershipEnded)
  async onMembershipEnded(event: MembershipEndedEvent): Promise<void> {
    await this.sharing.end(event.userId, event.groupId);
  }
}
