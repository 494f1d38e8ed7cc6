import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntitySubscriberInterface } from 'typeorm';

import { GroupKeys, isSealed, type SealedPlace } from '@hearth/groups';

import { MessageEdit } from './message-edit.entity.js';
import { Message } from './message.entity.js';

/** A message's text is bound to its row and to its version (when it was last edited). */
export const bodyPlace = (message: Pick<Message, 'id' | 'editedAt'>): SealedPlace => ({
  table: 'messages',
  id: message.id,
  field: 'body',
  version: message.editedAt?.getTime() ?? 0,
});

/** A facilitator's reason for removing a message, bound to the message's row. */
export const removalReasonPlace = (messageId: string): SealedPlace => ({
  table: 'messages',
  id: messageId,
  field: 'removal_reason',
});

export const editPlace = (editId: string): SealedPlace => ({
  table: 'message_edits',
  id: editId,
  field: 'body',
});

/**
 * Message text is sealed with its group's key before it is written, and opened as it is loaded: every `Message`
 * TypeORM loads carries its text in the clear (this subscriber's `afterLoad`), so the many places that read
 * messages need not know. Writes seal explicitly (the writer, an edit). Earlier versions (`MessageEdit`) are
 * opened where they are read, since their rows do not name the group.
 */
@Injectable()
export class MessageSealing implements EntitySubscriberInterface<Message>, OnApplicationBootstrap {
  private readonly logger = new Logger(MessageSealing.name);

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly keys: GroupKeys,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo() {
    return Message;
  }

  async afterLoad(message: Message): Promise<void> {
    if (typeof message.removalReason === 'string' && isSealed(message.removalReason)) {
      if (!message.id || !message.groupId)
        throw new Error('A sealed removal reason was loaded without its message id and group');
      message.removalReason = await this.keys.open(
        message.groupId,
        removalReasonPlace(message.id),
        message.removalReason,
      );
    }
    if (typeof message.body !== 'string' || !isSealed(message.body)) return;
    if (!message.id || !message.groupId || message.editedAt === undefined) {
      throw new Error('A sealed message body was loaded without its id, group and editedAt');
    }
    message.body = await this.keys.open(message.groupId, bodyPlace(message), message.body);
  }

  /** The key to seal a group's messages with: taken before the writing transaction, so it comes from the cache. */
  keyOf(groupId: string): Promise<Buffer> {
    return this.keys.keyOf(groupId);
  }

  sealBody(key: Buffer, message: Pick<Message, 'id' | 'editedAt' | 'body'>): string {
    return this.keys.sealWith(key, bodyPlace(message), message.body);
  }

  /** Seals a removal's reason inside the removal's transaction (null when the facilitator gave none). */
  sealRemovalReason(
    groupId: string,
    messageId: string,
    reason: string | null,
    manager: EntityManager,
  ): Promise<string | null> {
    return this.keys.seal(groupId, removalReasonPlace(messageId), reason, manager);
  }

  sealEdit(key: Buffer, editId: string, body: string): string {
    return this.keys.sealWith(key, editPlace(editId), body);
  }

  /** Seals messages and earlier versions written before messages were sealed (docs/decisions.md). */
  async onApplicationBootstrap(): Promise<void> {
    const sealed =
      (await this.keys.sealLegacy(
        Message,
        'messages',
        [{ property: 'body', column: 'body', place: bodyPlace }],
        (rows) => Promise.resolve(new Map(rows.map((row) => [row.id, row.groupId]))),
      )) +
      (await this.keys.sealLegacy(
        MessageEdit,
        'message_edits',
        [{ property: 'body', column: 'body' }],
        (rows) => Promise.resolve(new Map(rows.map((row) => [row.id, row.message?.groupId ?? null]))),
        { message: true },
      ));
    if (sealed > 0) this.logger.log({ sealed }, 'Sealed legacy plaintext messages');
  }

  async openEdits(groupId: string, edits: MessageEdit[]): Promise<MessageEdit[]> {
    for (const edit of edits) edit.body = await this.keys.open(groupId, editPlace(edit.id), edit.body);
    return edits;
  }
}
