import { randomBytes } from 'node:crypto';

import { ConflictException, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Like, Repository, type FindOptionsWhere } from 'typeorm';

import { Clock, foundOrFail, Transactions, coded } from '@hearth/core';

import type { Caller } from '../access/caller.js';
import { AccessLog } from '../access-log/access-log.js';
import { EmailVerificationService } from '../email-verification/email-verification.service.js';
import { IdentityEvents, UserDisabledEvent, UserRoleChangedEvent } from '../events.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UserView } from '../users/dto/user.view.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { ListUsersQuery } from './dto/list-users.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import type { CreatedUserView, UserPageView } from './dto/user-page.view.js';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class AdminUsersService {
  constructor(
    @InjectRepository(User) private readonly userRepository: Repository<User>,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
    private readonly accessLog: AccessLog,
    private readonly emailVerification: EmailVerificationService,
  ) {}

  /** Accounts with their emails: each person shown is an entry in the access log. */
  async list(caller: Caller, query: ListUsersQuery): Promise<UserPageView> {
    const base: FindOptionsWhere<User> = query.role ? { role: query.role } : {};
    const term = query.q?.trim().toLowerCase();
    const where = term
      ? [
          { ...base, email: Like(`%${escapeLike(term)}%`) },
          { ...base, displayName: Like(`%${escapeLike(term)}%`) },
        ]
      : base;
    const [rows, total] = await this.userRepository.findAndCount({
      where,
      order: { createdAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    await this.accessLog.record(
      caller,
      rows.map((user) => ({ subjectUserId: user.id, kind: 'identity' as const, resourceId: user.id })),
    );
    return { items: rows.map(UserView.of), total };
  }

  async create(dto: CreateUserDto): Promise<CreatedUserView> {
    const temporaryPassword = dto.password === undefined ? randomBytes(15).toString('base64url') : undefined;
    const passwordHash = await this.users.hashNewPassword(dto.password ?? temporaryPassword!);
    const user = await this.transactions.run((manager) =>
      this.users.create(manager, {
        email: dto.email,
        displayName: dto.displayName,
        passwordHash,
        role: dto.role,
      }),
    );
    this.emailVerification.offer(user.id);
    return { ...UserView.of(user), ...(temporaryPassword ? { temporaryPassword } : {}) };
  }

  /**
   * Changes a role and/or enables or disables an account. Disabling ends every session at once.
   * The last enabled admin can be neither demoted nor disabled, so the instance always has someone in charge; and
   * no admin disables her own account (she would be signed out of it at once, with no way back but another admin).
   */
  async update(caller: Caller, id: string, dto: UpdateUserDto): Promise<UserView> {
    if (dto.disabled === true && caller.userId === id) {
      throw new ConflictException(
        coded('CANNOT_DISABLE_SELF', 'You cannot disable your own account; another admin can'),
      );
    }
    const outcome = await this.transactions.run(async (manager) => {
      const user = foundOrFail(await manager.findOneBy(User, { id }), 'User');
      const before = { role: user.role, disabled: user.disabledAt !== null };
      const losesAdmin =
        user.role === 'admin' && ((dto.role && dto.role !== 'admin') || dto.disabled === true);
      if (losesAdmin && user.disabledAt === null) {
        const enabledAdmins = await manager.countBy(User, { role: 'admin', disabledAt: IsNull() });
        if (enabledAdmins <= 1) {
          throw new ConflictException(
            caller.userId === id
              ? coded('LAST_ADMIN', 'You are the last admin; make someone else admin first')
              : coded('LAST_ADMIN_OTHER', 'This is the last admin'),
          );
        }
      }
      const now = this.clock.now();
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.disabled === true && user.disabledAt === null) user.disabledAt = now;
      if (dto.disabled === false) user.disabledAt = null;
      user.updatedAt = now;
      await manager.update(User, { id }, { role: user.role, disabledAt: user.disabledAt, updatedAt: now });
      const disabledNow = !before.disabled && user.disabledAt !== null;
      const revoked = disabledNow ? await this.sessions.revokeAll(manager, id, 'disabled') : [];
      await this.accessLog.record(caller, [{ subjectUserId: id, kind: 'identity', resourceId: id }], manager);
      return { user, before, disabledNow, revoked };
    });

    const { user, before } = outcome;
    if (outcome.disabledNow) {
      this.events.emit(IdentityEvents.userDisabled, new UserDisabledEvent(user.id));
      this.sessions.announceRevoked(user.id, outcome.revoked, 'disabled');
    }
    if (before.role !== user.role) {
      this.events.emit(
        IdentityEvents.userRoleChanged,
        new UserRoleChangedEvent(user.id, before.role, user.role),
      );
    }
    return UserView.of(user);
  }
}
