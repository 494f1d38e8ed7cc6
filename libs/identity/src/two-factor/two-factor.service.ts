import { createHmac, randomInt, randomUUID } from 'node:crypto';

import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import QRCode from 'qrcode';
import { IsNull, Not, Repository, type EntityManager } from 'typeorm';

import {
  Clock,
  deriveKey,
  open,
  seal,
  SECRETS,
  Transactions,
  ValidationFailedException,
  type HearthConfig,
  type Secrets,
  coded,
} from '@hearth/core';

import type { Caller } from '../access/caller.js';
import { AccessLog } from '../access-log/access-log.js';
import { PasswordConfirmationService } from '../auth/password-confirmation.service.js';
import { IdentityEvents, UserRoleChangedEvent } from '../events.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { describeDevice } from '../sign-ins/device.js';
import { effectiveRole } from '../users/role.js';
import { UserView } from '../users/dto/user.view.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { ConfirmTotpDto, RegisterPasskeyDto, StartTotpDto } from './dto/enrolment.dto.js';
import {
  SecondFactorSummaryView,
  type PasskeyOptionsView,
  type SecondFactorEnabledView,
  type TotpSetupView,
  type TwoFactorStatusView,
} from './dto/two-factor.view.js';
import { RelyingParty } from './passkeys.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { SecondFactor } from './second-factor.entity.js';
import { SignInTickets } from './sign-in-tickets.js';

export const RECOVERY_CODE_COUNT = 10;
/** Codes read aloud or typed from paper: no 0/o, 1/l/i. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** A code from the step before or after the current one is accepted (clocks drift). */
export const TOTP_TOLERANCE_SECONDS = 30;

const secretContext = (factorId: string) => `second-factor:${factorId}:secret`;

/** Setting up, listing and removing a person's second factors (authenticator apps, passkeys, recovery codes). */
@Injectable()
export class TwoFactorService {
  private readonly logger = new Logger(TwoFactorService.name);
  private readonly sealingKey: Buffer;
  private readonly recoveryKey: Buffer;

  constructor(
    @InjectRepository(SecondFactor) private readonly factors: Repository<SecondFactor>,
    @InjectRepository(RecoveryCode) private readonly recoveryCodes: Repository<RecoveryCode>,
    private readonly users: UsersService,
    private readonly accessLog: AccessLog,
    private readonly sessions: SessionsService,
    private readonly confirmation: PasswordConfirmationService,
    private readonly transactions: Transactions,
    private readonly tickets: SignInTickets,
    private readonly relyingParty: RelyingParty,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly config: ConfigService<HearthConfig, true>,
    @Inject(SECRETS) secrets: Secrets,
  ) {
    this.sealingKey = deriveKey(secrets.masterKey, 'hearth:second-factor:totp');
    this.recoveryKey = deriveKey(secrets.masterKey, 'hearth:second-factor:recovery');
  }

  private get policy(): 'required' | 'optional' {
    return this.config.get('auth', { infer: true }).staffSecondFactor;
  }

  async status(userId: string): Promise<TwoFactorStatusView> {
    const user = await this.users.findById(userId);
    const factors = await this.confirmedFactors(userId);
    const required = user.role !== 'member' && this.policy === 'required';
    return {
      enabled: user.secondFactorSince !== null,
      required,
      setupRequired: required && user.secondFactorSince === null,
      factors: factors.map(SecondFactorSummaryView.of),
      recoveryCodesLeft: await this.recoveryCodes.countBy({ userId, usedAt: IsNull() }),
    };
  }

  /** A new authenticator secret, shown once; it counts after `confirmTotp` with a first code. */
  async startTotp(caller: Caller, dto: StartTotpDto): Promise<TotpSetupView> {
    const user = await this.users.findById(caller.userId);
    const secret = generateSecret();
    const factorId = randomUUID();
    await this.transactions.run(async (manager) => {
      if (
        await manager.existsBy(SecondFactor, { userId: user.id, kind: 'totp', confirmedAt: Not(IsNull()) })
      ) {
        throw new ConflictException(
          coded(
            'AUTHENTICATOR_EXISTS',
            'You already have an authenticator app. Remove it first to set up another.',
          ),
        );
      }
      await manager.delete(SecondFactor, { userId: user.id, kind: 'totp', confirmedAt: IsNull() });
      await manager.insert(SecondFactor, {
        id: factorId,
        userId: user.id,
        kind: 'totp',
        label: dto.label ?? 'Authenticator app',
        sealedSecret: seal(this.sealingKey, secret, secretContext(factorId)),
        lastTimeStep: null,
        credentialId: null,
        publicKey: null,
        signCount: 0,
        transports: null,
        confirmedAt: null,
        createdAt: this.clock.now(),
        lastUsedAt: null,
      });
    });
    const otpauthUri = generateURI({ issuer: 'Hearth', label: user.email, secret });
    return {
      factorId,
      secret,
      otpauthUri,
      qrCodeSvg: await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    };
  }

  async confirmTotp(caller: Caller, dto: ConfirmTotpDto): Promise<SecondFactorEnabledView> {
    const factor = await this.factors.findOneBy({ id: dto.factorId, userId: caller.userId, kind: 'totp' });
    if (!factor || factor.confirmedAt)
      throw new NotFoundException(coded('AUTHENTICATOR_SETUP_NOT_FOUND', 'Authenticator setup not found'));
    const timeStep = await this.checkTotp(factor, dto.code);
    if (timeStep === null) {
      throw new ValidationFailedException([
        {
          field: 'code',
          message: 'That code did not match. Check the time on your phone and try the next one.',
          code: 'mismatch',
        },
      ]);
    }
    return this.enable(caller, factor, { confirmedAt: this.clock.now(), lastTimeStep: timeStep });
  }

  async passkeyOptions(caller: Caller): Promise<PasskeyOptionsView> {
    const user = await this.users.findById(caller.userId);
    const existing = await this.factors.findBy({ userId: user.id, kind: 'passkey' });
    const options = await generateRegistrationOptions({
      rpName: this.relyingParty.name,
      rpID: this.relyingParty.id,
      userName: user.email,
      userDisplayName: user.displayName,
      userID: Buffer.from(user.id, 'utf8'),
      attestationType: 'none',
      excludeCredentials: existing.map((factor) => ({
        id: factor.credentialId!,
        transports: factor.transports?.split(',') ?? undefined,
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    const { ticket } = this.tickets.issue(user.id, 'passkey-registration', options.challenge);
    return { options: options as unknown as Record<string, unknown>, ticket };
  }

  async registerPasskey(
    caller: Caller,
    dto: RegisterPasskeyDto,
    userAgent?: string,
  ): Promise<SecondFactorEnabledView> {
    const claims = this.tickets.open(dto.ticket, 'passkey-registration');
    if (claims.userId !== caller.userId || !claims.challenge) {
      throw new ValidationFailedException([{ field: 'ticket', message: 'ticket is not for this account' }]);
    }
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response: dto.response as unknown as RegistrationResponseJSON,
        expectedChallenge: claims.challenge,
        expectedOrigin: this.relyingParty.origins,
        expectedRPID: this.relyingParty.id,
        requireUserVerification: false,
      });
    } catch {
      verification = null;
    }
    if (!verification?.verified) {
      throw new ValidationFailedException([
        {
          field: 'response',
          message: 'The passkey could not be verified. Try again.',
          code: 'passkeyFailed',
        },
      ]);
    }
    const { credential } = verification.registrationInfo;
    if (await this.factors.existsBy({ credentialId: credential.id })) {
      throw new ConflictException(coded('PASSKEY_REGISTERED', 'This passkey is already registered'));
    }
    const now = this.clock.now();
    const factor = this.factors.create({
      id: randomUUID(),
      userId: caller.userId,
      kind: 'passkey',
      label: dto.label ?? passkeyLabel(userAgent),
      sealedSecret: null,
      lastTimeStep: null,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      signCount: credential.counter,
      transports: credential.transports?.join(',').slice(0, 200) ?? null,
      confirmedAt: now,
      createdAt: now,
      lastUsedAt: null,
    });
    return this.enable(caller, factor, {}, true);
  }

  /** Removes a factor (password first). Staff who must use a second factor cannot remove their last one. */
  async remove(caller: Caller, factorId: string, password: string): Promise<TwoFactorStatusView> {
    const user = await this.users.findById(caller.userId);
    const factor = await this.factors.findOneBy({ id: factorId, userId: user.id });
    if (!factor) throw new NotFoundException(coded('SECOND_FACTOR_NOT_FOUND', 'Second factor not found'));
    await this.confirmation.confirm(user, password, 'password');
    await this.transactions.run(async (manager) => {
      const others = await manager.countBy(SecondFactor, {
        userId: user.id,
        id: Not(factor.id),
        confirmedAt: Not(IsNull()),
      });
      if (others === 0 && factor.confirmedAt && user.role !== 'member' && this.policy === 'required') {
        throw new ConflictException(
          coded(
            'STAFF_KEEP_SECOND_FACTOR',
            'Staff accounts must keep a second factor. Add another one before removing this one.',
          ),
        );
      }
      await manager.delete(SecondFactor, { id: factor.id });
      if (others === 0) {
        await manager.update(User, { id: user.id }, { secondFactorSince: null, updatedAt: this.clock.now() });
        await manager.delete(RecoveryCode, { userId: user.id });
      }
    });
    return this.status(user.id);
  }

  async renewRecoveryCodes(caller: Caller, password: string): Promise<string[]> {
    const user = await this.users.findById(caller.userId);
    await this.confirmation.confirm(user, password, 'password');
    if (!user.secondFactorSince) {
      throw new ConflictException(coded('SECOND_FACTOR_FIRST', 'Set up two-step verification first'));
    }
    return this.transactions.run((manager) => this.issueRecoveryCodes(manager, user.id));
  }

  /**
   * An admin's reset for a person who lost every factor and code: removes them and ends every session, so the
   * person signs in with the password and sets up again (staff hold member powers meanwhile).
   */
  async resetFor(admin: Caller, userId: string): Promise<UserView> {
    const user = await this.users.findById(userId);
    const revoked = await this.transactions.run(async (manager) => {
      await manager.delete(SecondFactor, { userId });
      await manager.delete(RecoveryCode, { userId });
      await manager.update(User, { id: userId }, { secondFactorSince: null, updatedAt: this.clock.now() });
      // The answer shows the account (its email): the person can see that this admin looked.
      await this.accessLog.record(
        admin,
        [{ subjectUserId: userId, kind: 'identity', resourceId: userId }],
        manager,
      );
      return this.sessions.revokeAll(manager, userId, 'second_factor_reset');
    });
    this.sessions.announceRevoked(userId, revoked, 'second_factor_reset');
    this.logger.log({ adminId: admin.userId, userId }, 'Second factor reset by an admin');
    return UserView.of({ ...user, secondFactorSince: null });
  }

  /** The time step a code matched, or null. A code is good once (the factor remembers its last step). */
  async checkTotp(factor: SecondFactor, code: string): Promise<number | null> {
    const secret = open(this.sealingKey, factor.sealedSecret!, secretContext(factor.id)).toString('utf8');
    const result = await verifyTotp({
      secret,
      token: code,
      epoch: Math.floor(this.clock.now().getTime() / 1000),
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(factor.lastTimeStep !== null ? { afterTimeStep: factor.lastTimeStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  /** Spends a recovery code; true when it was one of this person's unused codes. */
  async spendRecoveryCode(manager: EntityManager, userId: string, code: string): Promise<boolean> {
    const spent = await manager.update(
      RecoveryCode,
      { userId, codeHash: this.recoveryHash(userId, code), usedAt: IsNull() },
      { usedAt: this.clock.now() },
    );
    return (spent.affected ?? 0) > 0;
  }

  confirmedFactors(userId: string): Promise<SecondFactor[]> {
    return this.factors.find({
      where: { userId, confirmedAt: Not(IsNull()) },
      order: { createdAt: 'ASC' },
    });
  }

  unusedRecoveryCodes(userId: string): Promise<number> {
    return this.recoveryCodes.countBy({ userId, usedAt: IsNull() });
  }

  /**
   * Saves a confirmed factor. The first one turns two-step verification on: recovery codes are issued (shown
   * once), every other session ends (one opened with only the password must not outlive it), and staff gain
   * their powers, on their open sockets too.
   */
  private async enable(
    caller: Caller,
    factor: SecondFactor,
    changes: Partial<SecondFactor>,
    insert = false,
  ): Promise<SecondFactorEnabledView> {
    const now = this.clock.now();
    const outcome = await this.transactions.run(async (manager) => {
      if (insert) await manager.insert(SecondFactor, factor);
      else await manager.update(SecondFactor, { id: factor.id }, changes);
      const user = await manager.findOneByOrFail(User, { id: caller.userId });
      if (user.secondFactorSince) return { recoveryCodes: null, revoked: [], user, first: false };
      await manager.update(User, { id: user.id }, { secondFactorSince: now, updatedAt: now });
      const revoked = await this.sessions.revokeAll(
        manager,
        user.id,
        'second_factor_enabled',
        caller.sessionId,
      );
      const recoveryCodes = await this.issueRecoveryCodes(manager, user.id);
      return { recoveryCodes, revoked, user, first: true };
    });
    this.sessions.announceRevoked(caller.userId, outcome.revoked, 'second_factor_enabled');
    const before = effectiveRole(outcome.user, this.policy);
    if (outcome.first && before !== outcome.user.role) {
      this.events.emit(
        IdentityEvents.userRoleChanged,
        new UserRoleChangedEvent(outcome.user.id, before, outcome.user.role),
      );
    }
    const saved = await this.factors.findOneByOrFail({ id: factor.id });
    return { factor: SecondFactorSummaryView.of(saved), recoveryCodes: outcome.recoveryCodes };
  }

  private async issueRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    await manager.delete(RecoveryCode, { userId });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
    const now = this.clock.now();
    await manager.insert(
      RecoveryCode,
      codes.map((code) => ({
        id: randomUUID(),
        userId,
        codeHash: this.recoveryHash(userId, code),
        usedAt: null,
        createdAt: now,
      })),
    );
    return codes;
  }

  private recoveryHash(userId: string, code: string): string {
    const normalized = code.toLowerCase().replace(/[^a-z0-9]/g, '');
    return createHmac('sha256', this.recoveryKey).update(`${userId}:${normalized}`).digest('hex');
  }
}

/** A name a person recognises in the list: the system the passkey was made on ("Passkey on iOS 18"). */
function passkeyLabel(userAgent: string | undefined): string {
  const { os } = describeDevice(userAgent ?? null);
  return os ? `Passkey on ${os}` : 'Passkey';
}

/** Ten characters in two groups (about 49 bits), such as `k7m2p-q9xrt`. */
function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}
