import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { strToU8, zipSync } from 'fflate';
import { IsNull, Not } from 'typeorm';

import { Clock, PersonalDataRegistry, Shredder, Transactions, type AfterErasure, coded } from '@hearth/core';

import type { Caller } from '../access/caller.js';
import { AccessLog } from '../access-log/access-log.js';
import { PasswordConfirmationService } from '../auth/password-confirmation.service.js';
import { Session } from '../sessions/session.entity.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UserView } from '../users/dto/user.view.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';

export const EXPORT_FORMAT = 'hearth-export/1';

/** A person's right to take their data with them, and to have it erased. */
@Injectable()
export class DataRightsService {
  private readonly logger = new Logger(DataRightsService.name);

  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly users: UsersService,
    private readonly confirmation: PasswordConfirmationService,
    private readonly sessions: SessionsService,
    private readonly transactions: Transactions,
    private readonly shredder: Shredder,
    private readonly clock: Clock,
    private readonly accessLog: AccessLog,
  ) {}

  /** Everything about me, as JSON (hearth-export.json) and my journal as Markdown (journal.md), zipped. */
  async export(caller: Caller): Promise<Uint8Array> {
    const user = await this.users.findById(caller.userId);
    await this.accessLog.record(caller, [{ subjectUserId: caller.userId, kind: 'export' }]);
    const data: Record<string, unknown> = {
      format: EXPORT_FORMAT,
      exportedAt: this.clock.now().toISOString(),
      account: UserView.of(user),
    };
    const files: Record<string, Uint8Array> = {};
    for (const contributor of this.registry.all) {
      data[contributor.section] = await contributor.export(caller.userId);
      const markdown = await contributor.exportMarkdown?.(caller.userId);
      if (markdown) files[`${contributor.section}.md`] = strToU8(markdown);
    }
    files['hearth-export.json'] = strToU8(JSON.stringify(data, null, 2));
    return zipSync(files, { level: 6 });
  }

  /**
   * Erases the account. The journal key is destroyed first (its ciphertext, wherever copies survive, becomes
   * unreadable), then each library erases or anonymizes its part, then the account and its sessions go.
   */
  async erase(caller: Caller, password: string): Promise<void> {
    const user = await this.users.findById(caller.userId);
    await this.confirmation.confirm(user, password, 'password');
    const afterCommit: AfterErasure[] = [];
    const sessionIds = await this.transactions.run(async (manager) => {
      afterCommit.length = 0;
      if (user.role === 'admin') {
        const admins = await manager.countBy(User, { role: 'admin', disabledAt: IsNull(), id: Not(user.id) });
        if (admins === 0)
          throw new ConflictException(
            coded('LAST_ADMIN', 'You are the last admin; make someone else admin first'),
          );
      }
      const live = await manager.find(Session, {
        where: { userId: user.id, revokedAt: IsNull() },
        select: { id: true },
      });
      await this.accessLog.record(caller, [{ subjectUserId: user.id, kind: 'erasure' }], manager);
      for (const contributor of this.registry.all) {
        const after = await contributor.erase(user.id, manager);
        if (after) afterCommit.push(after);
      }
      await manager.delete(User, { id: user.id });
      return live.map((s) => s.id);
    });
    await this.shredder.shred();
    for (const announce of afterCommit) announce();
    this.sessions.announceRevoked(user.id, sessionIds, 'disabled');
    this.logger.log({ userId: user.id }, 'Account erased at its owner’s request');
  }
}
