import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';

import {
  Clock,
  coded,
  foundOrFail,
  isUniqueViolation,
  ValidationFailedException,
  type HearthConfig,
} from '@hearth/core';

import { PasswordService } from '../passwords/password.service.js';
import { InstanceFlag } from './instance-flag.entity.js';
import { effectiveRole, type Role } from './role.js';
import { User } from './user.entity.js';

const FIRST_ADMIN_FLAG = 'first_admin_registered';

export interface NewAccount {
  email: string;
  displayName: string;
  /** From hashNewPassword(), computed before the transaction opens. */
  passwordHash: string;
  /** When absent, the account is a member, or the admin if it is the first account on the instance. */
  role?: Role;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly clock: Clock,
    private readonly config: ConfigService<HearthConfig, true>,
  ) {}

  /** Enabled accounts that can act as admins now (see `effectiveRole`): whom an escalated crisis reaches. */
  async activeAdminIds(): Promise<string[]> {
    const admins = await this.users.find({
      where: { role: 'admin', disabledAt: IsNull() },
      select: { id: true, role: true, secondFactorSince: true },
    });
    const policy = this.config.get('auth', { infer: true }).staffSecondFactor;
    return admins.filter((admin) => effectiveRole(admin, policy) === 'admin').map((admin) => admin.id);
  }

  async findById(id: string): Promise<User> {
    return foundOrFail(await this.users.findOneBy({ id }), 'User');
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email });
  }

  /** Accounts by id, for staff views that show who is behind a pseudonym. */
  async findMany(ids: string[]): Promise<Map<string, User>> {
    if (ids.length === 0) return new Map();
    const users = await this.users.findBy({ id: In([...new Set(ids)]) });
    return new Map(users.map((user) => [user.id, user]));
  }

  /**
   * Where to email a person, for notifications: null for a disabled or missing account. Send alerts only to a
   * verified address.
   */
  async emailFor(userId: string): Promise<{ email: string; verified: boolean } | null> {
    const user = await this.users.findOne({
      where: { id: userId },
      select: { email: true, emailVerifiedAt: true, disabledAt: true },
    });
    if (!user || user.disabledAt) return null;
    return { email: user.email, verified: user.emailVerifiedAt !== null };
  }

  async anyExist(): Promise<boolean> {
    return (await this.users.count({ take: 1 })) > 0;
  }

  /** Checks the password policy (a weak one is refused like any other field error), then hashes it. */
  async hashNewPassword(password: string, field = 'password'): Promise<string> {
    const weakness = this.passwords.weakness(password);
    if (weakness) {
      throw new ValidationFailedException([
        { field, message: weakness.message.replace(/^password/, field), code: weakness.code },
      ]);
    }
    return this.passwords.hash(password);
  }

  /**
   * Creates an account inside the caller's transaction. The first account on an empty instance becomes admin:
   * claiming the first-admin flag is a primary-key insert, so two racing sign-ups cannot both win.
   */
  async create(manager: EntityManager, account: NewAccount): Promise<User> {
    const now = this.clock.now();
    let role = account.role ?? 'member';
    if (!account.role && (await manager.count(User, { take: 1 })) === 0) {
      await manager.insert(InstanceFlag, { key: FIRST_ADMIN_FLAG, createdAt: now });
      role = 'admin';
    }
    const user = manager.create(User, {
      id: randomUUID(),
      email: account.email,
      displayName: account.displayName,
      passwordHash: account.passwordHash,
      role,
      disabledAt: null,
      secondFactorSince: null,
      emailVerifiedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await manager.insert(User, user);
    } catch (error) {
      if (isUniqueViolation(error, 'users')) {
        throw new ConflictException(coded('EMAIL_TAKEN', 'An account with this email already exists'));
      }
      throw error;
    }
    if (role === 'admin' && !account.role) {
      this.logger.log({ userId: user.id }, 'First account on this instance registered; it is the admin');
    }
    return user;
  }
}
