import { Injectable, NotFoundException } from '@nestjs/common';

import { Clock, Transactions, coded } from '@hearth/core';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { HiddenMember } from './hidden-member.entity.js';

/** Members I chose not to see in a group; kept on the server so the choice follows me to every device. */
@Injectable()
export class HiddenMembersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly policy: GroupPolicy,
    private readonly clock: Clock,
  ) {}

  async list(caller: Caller, groupId: string): Promise<string[]> {
    await this.policy.authorize(caller, groupId, 'read');
    const rows = await this.transactions.run((manager) =>
      manager.findBy(HiddenMember, { userId: caller.userId, groupId }),
    );
    return rows.map((row) => row.membershipId);
  }

  async hide(caller: Caller, groupId: string, membershipId: string): Promise<string[]> {
    await this.transactions.run(async (manager) => {
      const { membership } = await this.policy.authorize(caller, groupId, 'read', manager);
      const target = await this.policy.membershipById(groupId, membershipId);
      if (!target || target.id === membership?.id)
        throw new NotFoundException(coded('MEMBER_NOT_FOUND', 'Member not found'));
      await manager
        .createQueryBuilder()
        .insert()
        .into(HiddenMember)
        .values({ userId: caller.userId, membershipId, groupId, createdAt: this.clock.now() })
        .orIgnore()
        .execute();
    });
    return this.list(caller, groupId);
  }

  async unhide(caller: Caller, groupId: string, membershipId: string): Promise<string[]> {
    await this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'read', manager);
      await manager.delete(HiddenMember, { userId: caller.userId, membershipId, groupId });
    });
    return this.list(caller, groupId);
  }
}
