import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { LessThan, Not, IsNull } from 'typeorm';

import { Clock, Shredder, Transactions } from '@hearth/core';
import { assertOpen, GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { Message } from '../messages/message.entity.js';
import { ChatRoom } from './chat-room.entity.js';
import { ensureRoomRow } from './room-row.js';

const DAY_MS = 86_400_000;

/** Per-group message retention, and the daily job that truly deletes what is older. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly policy: GroupPolicy,
    private readonly transactions: Transactions,
    private readonly shredder: Shredder,
    private readonly clock: Clock,
  ) {}

  async get(caller: Caller, groupId: string): Promise<{ days: number | null }> {
    await this.policy.authorize(caller, groupId, 'read');
    const room = await this.transactions.run((manager) => manager.findOneBy(ChatRoom, { groupId }));
    return { days: room?.retentionDays ?? null };
  }

  async set(caller: Caller, groupId: string, days: number | null): Promise<{ days: number | null }> {
    await this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      await ensureRoomRow(manager, groupId);
      await manager.update(ChatRoom, { groupId }, { retentionDays: days });
    });
    return { days };
  }

  /** Deletes messages past each group's retention. Runs daily; returns how many were deleted. */
  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: 'chat-retention' })
  async purge(): Promise<number> {
    const rooms = await this.transactions.run((manager) =>
      manager.findBy(ChatRoom, { retentionDays: Not(IsNull()) }),
    );
    let deleted = 0;
    for (const room of rooms) {
      const cutoff = new Date(this.clock.now().getTime() - room.retentionDays! * DAY_MS);
      const result = await this.transactions.run((manager) =>
        manager.delete(Message, { groupId: room.groupId, createdAt: LessThan(cutoff) }),
      );
      deleted += result.affected ?? 0;
    }
    if (deleted > 0) {
      await this.shredder.shred();
      this.logger.log({ deleted, rooms: rooms.length }, 'Retention: deleted old messages');
    }
    return deleted;
  }
}
