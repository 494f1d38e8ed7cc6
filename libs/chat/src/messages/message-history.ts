import { coded } from '@hearth/core';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { can, CheckInsService, GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';
import type { MessageDto } from '@hearth/contracts';

import { RoomsService } from '../rooms/rooms.service.js';
import type { MessagePageQuery } from './dto/message.dto.js';
import type { MessageWithHistoryView } from './dto/message.view.js';
import { MessageEdit } from './message-edit.entity.js';
import { MessageSealing } from './message-sealing.js';
import { Message } from './message.entity.js';
import { MessageViews } from './message-views.js';

/** History over HTTP, for scrolling back and for catching up beyond what a rejoin returns. */
@Injectable()
export class MessageHistory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: GroupPolicy,
    private readonly rooms: RoomsService,
    private readonly views: MessageViews,
    private readonly sealing: MessageSealing,
    private readonly checkIns: CheckInsService,
  ) {}

  async page(caller: Caller, groupId: string, query: MessagePageQuery): Promise<MessageDto[]> {
    const access = await this.policy.authorize(caller, groupId, 'read');
    await this.checkIns.recordAdminRead(access);
    return this.rooms.page(groupId, query, { staff: can(access, 'manage'), userId: caller.userId });
  }

  /** One message; its author and the group's facilitators also see its earlier versions. */
  async one(caller: Caller, groupId: string, messageId: string): Promise<MessageWithHistoryView> {
    const access = await this.policy.authorize(caller, groupId, 'read');
    await this.checkIns.recordAdminRead(access);
    const manager = this.dataSource.manager;
    const staff = can(access, 'manage');
    const message = await manager.findOneBy(Message, { id: messageId, groupId });
    // A held message exists only for its author and the facilitators.
    if (!message || (message.status === 'held' && !staff && message.authorUserId !== caller.userId)) {
      throw new NotFoundException(coded('MESSAGE_NOT_FOUND', 'Message not found'));
    }
    const [dto] = await this.views.many(manager, [message], { staff, userId: caller.userId });
    if (message.authorUserId !== caller.userId && !staff) return dto;
    const edits = await this.sealing.openEdits(
      groupId,
      await manager.find(MessageEdit, { where: { messageId }, order: { replacedAt: 'ASC' } }),
    );
    return { ...dto, history: edits.map((e) => ({ body: e.body, replacedAt: e.replacedAt.toISOString() })) };
  }
}
