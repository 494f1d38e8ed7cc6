import { Injectable } from '@nestjs/common';

import { Clock, Transactions } from '@hearth/core';

import type { Caller } from '../access/caller.js';
import { PasswordConfirmationService } from '../auth/password-confirmation.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UserView } from '../users/dto/user.view.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { UpdateMeDto } from './dto/update-me.dto.js';

/** What a signed-in person does to their own account. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly confirmation: PasswordConfirmationService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async me(caller: Caller): Promise<UserView> {
    return UserView.of(await this.users.findById(caller.userId));
  }

  /** Updates the display name and/or the password. A new password signs out every other session. */
  async update(caller: Caller, dto: UpdateMeDto): Promise<UserView> {
    const user = await this.users.findById(caller.userId);
    let passwordHash: string | undefined;
    if (dto.newPassword !== undefined && dto.currentPassword !== undefined) {
      await this.confirmation.confirm(user, dto.currentPassword, 'currentPassword');
      passwordHash = await this.users.hashNewPassword(dto.newPassword, 'newPassword');
    }
    const revoked = await this.transactions.run(async (manager) => {
      const changes: Partial<User> = { updatedAt: this.clock.now() };
      if (dto.displayName !== undefined) changes.displayName = dto.displayName;
      if (passwordHash) changes.passwordHash = passwordHash;
      await manager.update(User, { id: user.id }, changes);
      return passwordHash
        ? this.sessions.revokeAll(manager, user.id, 'password_changed', caller.sessionId)
        : [];
    });
    this.sessions.announceRevoked(user.id, revoked, 'password_changed');
    return this.me(caller);
  }
}
