import { randomUUID } from 'node:crypto';

import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  Clock,
  deriveKey,
  open,
  Transactions,
  seal,
  SECRETS,
  type Secrets,
  ValidationFailedException,
  coded,
} from '@hearth/core';
import { GroupReflections } from '@hearth/chat';
import { MESSAGE_MAX_LENGTH } from '@hearth/contracts';
import { GroupPolicy } from '@hearth/groups';
import { AccessLog, type Caller } from '@hearth/identity';

import { EntriesService } from '../entries/entries.service.js';
import type { SharedReflectionView, ShareView } from './dto/share.view.js';
import { JournalShare } from './journal-share.entity.js';

const context = (id: string) => `journal_shares:${id}:excerpt`;
const toView = (s: JournalShare): ShareView => ({
  id: s.id,
  entryId: s.entryId,
  groupId: s.groupId,
  target: s.target,
  messageId: s.messageId,
  createdAt: s.createdAt.toISOString(),
  withdrawn: s.withdrawnAt !== null,
});

/** Sharing a reflection, or an excerpt of it, and taking it back. Nothing else of the journal goes anywhere. */
@Injectable()
export class SharesService {
  private readonly shareKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly entries: EntriesService,
    private readonly policy: GroupPolicy,
    private readonly reflections: GroupReflections,
    private readonly clock: Clock,
    private readonly accessLog: AccessLog,
    @Inject(SECRETS) secrets: Secrets,
  ) {
    this.shareKey = deriveKey(secrets.masterKey, 'hearth:journal:shares');
  }

  async share(
    caller: Caller,
    entryId: string,
    groupId: string,
    target: 'group' | 'facilitators',
    excerpt?: string,
  ): Promise<ShareView> {
    const text = await this.entries.textOf(caller.userId, entryId);
    const shared = (excerpt ?? [text.title, text.body].filter(Boolean).join('\n\n')).trim();
    if (excerpt !== undefined && !`${text.title ?? ''}\n${text.body}`.includes(excerpt.trim())) {
      throw new ValidationFailedException([
        { field: 'excerpt', message: 'excerpt must be a passage of this entry', code: 'notPassage' },
      ]);
    }
    const id = randomUUID();
    let messageId: string | null = null;
    if (target === 'group') {
      ({ messageId } = await this.reflections.post(caller, groupId, {
        shareId: id,
        text: shared.slice(0, MESSAGE_MAX_LENGTH),
      }));
    } else {
      await this.policy.authorizePosting(caller, groupId);
    }
    const share = await this.transactions.run(async (manager) => {
      const share = manager.create(JournalShare, {
        id,
        userId: caller.userId,
        entryId,
        groupId,
        target,
        messageId,
        excerptCt: target === 'facilitators' ? seal(this.shareKey, shared, context(id)) : null,
        createdAt: this.clock.now(),
        withdrawnAt: null,
      });
      await manager.insert(JournalShare, share);
      return share;
    });
    return toView(share);
  }

  async mine(caller: Caller): Promise<ShareView[]> {
    const shares = await this.dataSource.manager.find(JournalShare, {
      where: { userId: caller.userId },
      order: { createdAt: 'DESC' },
    });
    return shares.map(toView);
  }

  /** Takes a share back: the group sees a tombstone where it was; facilitators no longer see the excerpt. */
  async withdraw(caller: Caller, shareId: string): Promise<void> {
    const share = await this.dataSource.manager.findOneBy(JournalShare, {
      id: shareId,
      userId: caller.userId,
    });
    if (!share) throw new NotFoundException(coded('SHARE_NOT_FOUND', 'Share not found'));
    if (share.withdrawnAt)
      throw new ConflictException(coded('SHARE_WITHDRAWN', 'This share was already withdrawn'));
    if (share.messageId) await this.reflections.withdraw(caller, share.groupId, share.messageId);
    await this.transactions.run((manager) =>
      manager.update(JournalShare, { id: shareId }, { withdrawnAt: this.clock.now(), excerptCt: null }),
    );
  }

  /**
   * What members shared with this group's facilitators, for the facilitators (and admins). Each reflection
   * shown is an entry in its author's access log, written before any is opened.
   */
  async forFacilitators(caller: Caller, groupId: string): Promise<SharedReflectionView[]> {
    await this.policy.authorize(caller, groupId, 'manage');
    const shares = (
      await this.dataSource.manager.find(JournalShare, {
        where: { groupId, target: 'facilitators' },
        order: { createdAt: 'DESC' },
      })
    ).filter((share) => !share.withdrawnAt && share.excerptCt);
    await this.accessLog.record(
      caller,
      shares.map((share) => ({
        subjectUserId: share.userId,
        kind: 'facilitator_reflection' as const,
        resourceId: share.id,
        groupId,
      })),
    );
    const views: SharedReflectionView[] = [];
    for (const share of shares) {
      if (!share.excerptCt) continue;
      const membership = await this.policy.membershipOf(groupId, share.userId);
      views.push({
        id: share.id,
        pseudonym: membership?.pseudonym ?? null,
        excerpt: open(this.shareKey, share.excerptCt, context(share.id)).toString('utf8'),
        createdAt: share.createdAt.toISOString(),
      });
    }
    return views;
  }
}
