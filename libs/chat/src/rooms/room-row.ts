import type { EntityManager } from 'typeorm';

import { ChatRoom } from './chat-room.entity.js';

/** A group's room row is created on first use: by its first message or its first retention setting. */
export async function ensureRoomRow(manager: EntityManager, groupId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(ChatRoom)
    .values({ groupId, lastSeq: 0, retentionDays: null })
    .orIgnore()
    .execute();
}
