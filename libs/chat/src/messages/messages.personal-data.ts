import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';

import {
  Clock,
  PersonalDataRegistry,
  type AfterErasure,
  type HearthConfig,
  type PersonalDataContributor,
} from '@hearth/core';

import { ChatEvents, MessageRemovedEvent } from '../events.js';

import { ReadMarker } from '../rooms/read-marker.entity.js';
import { MessageEdit } from './message-edit.entity.js';
import { Message } from './message.entity.js';
import { Reaction } from './reaction.entity.js';

/**
 * My own chat messages (never anyone else's). On erasure they become tombstones in their timelines (text,
 * history and authorship removed, so the conversation keeps its order without keeping me), or, where the
 * instance sets ERASURE_MESSAGES=delete, they are deleted outright.
 */
@Injectable()
export class MessagesPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'messages';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly config: ConfigService<HearthConfig, true>,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string) {
    const rows = await this.dataSource.manager.find(Message, {
      where: { authorUserId: userId },
      order: { createdAt: 'ASC' },
    });
    return rows.map((m) => ({
      id: m.id,
      groupId: m.groupId,
      seq: m.seq,
      status: m.status,
      kind: m.kind,
      body: m.deletedAt ? null : m.body,
      createdAt: m.createdAt.toISOString(),
      editedAt: m.editedAt?.toISOString() ?? null,
      deleted: m.deletedAt !== null,
      ...(m.status === 'removed' && !m.deletedAt && m.removalReason
        ? { removalReason: m.removalReason }
        : {}),
    }));
  }

  /** Once committed, each message that had a place in a timeline is announced as removed (by erasure). */
  async erase(userId: string, manager: EntityManager): Promise<AfterErasure> {
    const mine = await manager.find(Message, {
      where: { authorUserId: userId },
      select: { id: true, groupId: true, seq: true },
    });
    const ids = mine.map((m) => m.id);
    if (this.config.get('erasure', { infer: true }).messages === 'delete') {
      for (let i = 0; i < ids.length; i += 500)
        await manager.delete(Message, { id: In(ids.slice(i, i + 500)) });
      ids.length = 0;
    }
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await manager.delete(MessageEdit, { messageId: In(chunk) });
      await manager.update(
        Message,
        { id: In(chunk) },
        {
          body: '',
          removalReason: null,
          deletedAt: this.clock.now(),
          authorUserId: null,
          authorMembershipId: null,
          clientId: null,
        },
      );
    }
    await manager.delete(Message, { authorUserId: userId, status: 'held' });
    await manager.delete(Reaction, { userId });
    await manager.delete(ReadMarker, { userId });
    return () => {
      for (const message of mine) {
        if (message.seq === null) continue;
        this.events.emit(
          ChatEvents.messageRemoved,
          new MessageRemovedEvent({
            groupId: message.groupId,
            messageId: message.id,
            seq: message.seq,
            cause: 'erasure',
            byUserId: null,
            authorUserId: null,
            tombstone: null,
            originSocketId: null,
          }),
        );
      }
    };
  }
}
