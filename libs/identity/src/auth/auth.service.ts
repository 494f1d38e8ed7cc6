import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';

import { coded, isUniqueViolation, RetryLaterException, Transactions, type HearthConfig } from '@hearth/core';

import type { Caller } from '../access/caller.js';
import { IdentityEvents, UserRegisteredEvent } from '../events.js';
import { PasswordService } from '../passwords/password.service.js';
import type { TokenPair } from '../sessions/dto/token-pair.view.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UserView } from '../users/dto/user.view.js';
import { UsersService } from '../users/users.service.js';
import type { AuthSessionView } from './dto/auth-session.view.js';
import type { LoginDto } from './dto/login.dto.js';
import type { RegisterDto } from './dto/register.dto.js';
import type { SecondFactorDto } from '../two-factor/dto/second-factor.dto.js';
import type { PasskeyOptionsView, SecondFactorChallengeView } from '../two-factor/dto/two-factor.view.js';
import { SecondStepService } from '../two-factor/second-step.service.js';
import { SignInTickets } from '../two-factor/sign-in-tickets.js';
import type { User } from '../users/user.entity.js';
import { KnownDevices } from './known-devices.js';
import {
  knownDeviceSubject,
  LoginThrottleService,
  secondFactorSubject,
  signInSubject,
} from './login-throttle.service.js';

const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly secondStep: SecondStepService,
    private readonly tickets: SignInTickets,
    private readonly knownDevices: KnownDevices,
    private readonly transactions: Transactions,
    private readonly events: EventEmitter2,
    private readonly config: ConfigService<HearthConfig, true>,
  ) {}

  async register(dto: RegisterDto, userAgent?: string): Promise<AuthSessionView> {
    if (this.config.get('auth', { infer: true }).registration === 'invite' && (await this.users.anyExist())) {
      throw new ForbiddenException(
        coded('INVITE_ONLY', 'Registration on this instance is by invitation only'),
      );
    }
    const passwordHash = await this.users.hashNewPassword(dto.password);
    const created = await this.withFirstAdminRetry(() =>
      this.transactions.run(async (manager) => {
        const user = await this.users.create(manager, {
          email: dto.email,
          displayName: dto.displayName,
          passwordHash,
        });
        return { user, tokens: await this.sessions.start(manager, user.id, userAgent) };
      }),
    );
    this.events.emit(
      IdentityEvents.userRegistered,
      new UserRegisteredEvent(created.user.id, created.user.role),
    );
    return { user: UserView.of(created.user), tokens: created.tokens };
  }

  /**
   * One answer for an unknown address and a wrong password, at the same cost. After repeated failures the
   * address is locked for a growing while, whether or not an account has it; a browser that signed in to this
   * account before (`KnownDevices`) is counted on its own instead, so a stranger's guesses cannot lock its owner
   * out.
   */
  async login(
    dto: LoginDto,
    userAgent?: string,
    cookieHeader?: string,
  ): Promise<AuthSessionView | SecondFactorChallengeView> {
    const deviceId = await this.knownDevices.deviceFor(cookieHeader, dto.email);
    const subject = deviceId ? knownDeviceSubject(deviceId) : signInSubject(dto.email);
    // The attempt counts before the password is checked, so parallel guesses cannot all slip past the lock.
    const waitMs = await this.throttle.claimAttempt(subject);
    if (waitMs > 0) {
      throw RetryLaterException.after('Too many failed sign-in attempts.', waitMs);
    }
    const user = await this.users.findByEmail(dto.email);
    const valid = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !valid) throw new UnauthorizedException(coded('INVALID_CREDENTIALS', INVALID_CREDENTIALS));
    await this.throttle.clear(subject);
    if (user.disabledAt) {
      throw new ForbiddenException(coded('ACCOUNT_DISABLED', 'This account is disabled'));
    }
    if (user.secondFactorSince) return this.secondStep.challenge(user);
    return this.startSession(user, userAgent);
  }

  /**
   * The second step: the ticket from the password step and one proof. Wrong proofs back off per account as
   * passwords do (a 6-digit code must not be guessable in a ticket's 5 minutes).
   */
  async completeSecondFactor(dto: SecondFactorDto, userAgent?: string): Promise<AuthSessionView> {
    const claims = this.tickets.open(dto.ticket, 'second-factor');
    const subject = secondFactorSubject(claims.userId);
    const waitMs = await this.throttle.claimAttempt(subject);
    if (waitMs > 0) {
      throw RetryLaterException.after('Too many wrong codes.', waitMs);
    }
    const user = await this.users.findById(claims.userId);
    if (user.disabledAt) throw new ForbiddenException(coded('ACCOUNT_DISABLED', 'This account is disabled'));
    await this.secondStep.verify(user, claims, dto);
    await this.throttle.clear(subject);
    return this.startSession(user, userAgent);
  }

  passkeyOptions(ticket: string): Promise<PasskeyOptionsView> {
    return this.secondStep.passkeyOptions(ticket);
  }

  private async startSession(user: User, userAgent?: string): Promise<AuthSessionView> {
    const tokens = await this.transactions.run((manager) => this.sessions.start(manager, user.id, userAgent));
    return { user: UserView.of(user), tokens };
  }

  refresh(refreshToken: string): Promise<TokenPair> {
    return this.sessions.rotate(refreshToken);
  }

  logout(caller: Caller): Promise<void> {
    return this.sessions.revoke(caller.userId, caller.sessionId, 'logout');
  }

  /** On PostgreSQL two first sign-ups can race for the admin flag; the loser simply tries again as a member. */
  private async withFirstAdminRetry<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'instance_flags')) {
        return work();
      }
      throw error;
    }
  }
}
