import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
} from '@simplewebauthn/server';
import { IsNull, LessThan, Not, Repository } from 'typeorm';

import { Clock, Transactions, ValidationFailedException } from '@hearth/core';

import type { SecondFactorMethod } from '@hearth/contracts';

import type { User } from '../users/user.entity.js';
import type { SecondFactorDto } from './dto/second-factor.dto.js';
import type { PasskeyOptionsView, SecondFactorChallengeView } from './dto/two-factor.view.js';
import { RelyingParty } from './passkeys.js';
import { SecondFactor } from './second-factor.entity.js';
import { SignInTickets, type TicketClaims } from './sign-in-tickets.js';
import { TwoFactorService } from './two-factor.service.js';

/** The second step of signing in: what to ask for, and checking the answer. */
@Injectable()
export class SecondStepService {
  constructor(
    @InjectRepository(SecondFactor) private readonly factors: Repository<SecondFactor>,
    private readonly twoFactor: TwoFactorService,
    private readonly tickets: SignInTickets,
    private readonly relyingParty: RelyingParty,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async challenge(user: User): Promise<SecondFactorChallengeView> {
    const kinds = new Set((await this.twoFactor.confirmedFactors(user.id)).map((factor) => factor.kind));
    const methods: SecondFactorMethod[] = [...kinds];
    if ((await this.twoFactor.unusedRecoveryCodes(user.id)) > 0) methods.push('recovery');
    const { ticket, expiresAt } = this.tickets.issue(user.id, 'second-factor');
    return { secondFactor: { ticket, methods, expiresAt: expiresAt.toISOString() } };
  }

  /** Passkey options for this sign-in, with a ticket that now carries their challenge. */
  async passkeyOptions(ticket: string): Promise<PasskeyOptionsView> {
    const claims = this.tickets.open(ticket, 'second-factor');
    const passkeys = await this.factors.findBy({ userId: claims.userId, kind: 'passkey' });
    const options = await generateAuthenticationOptions({
      rpID: this.relyingParty.id,
      allowCredentials: passkeys.map((factor) => ({
        id: factor.credentialId!,
        transports: factor.transports?.split(',') ?? undefined,
      })),
      userVerification: 'preferred',
    });
    return {
      options: options as unknown as Record<string, unknown>,
      ticket: this.tickets.issue(claims.userId, 'second-factor', options.challenge).ticket,
    };
  }

  /**
   * Checks one proof and spends it: a TOTP code's time step, a recovery code, or a passkey signature over this
   * ticket's challenge (a factor used since the ticket was issued refuses it, so an answer is good once).
   * Throws a field error naming what did not match.
   */
  async verify(user: User, claims: TicketClaims, dto: SecondFactorDto): Promise<void> {
    const proofs = [dto.code, dto.recoveryCode, dto.passkey].filter((proof) => proof !== undefined);
    if (proofs.length !== 1) {
      throw new ValidationFailedException([
        { field: 'code', message: 'Send exactly one of code, recoveryCode or passkey' },
      ]);
    }
    const now = this.clock.now();
    if (dto.code !== undefined) {
      const factor = await this.factors.findOneBy({
        userId: user.id,
        kind: 'totp',
        confirmedAt: Not(IsNull()),
      });
      const step = factor ? await this.twoFactor.checkTotp(factor, dto.code) : null;
      const claimed =
        factor &&
        step !== null &&
        (await this.transactions.run((manager) =>
          manager
            .createQueryBuilder()
            .update(SecondFactor)
            .set({ lastTimeStep: step, lastUsedAt: now })
            .where('id = :id AND (last_time_step IS NULL OR last_time_step < :step)', { id: factor.id, step })
            .execute(),
        ));
      if (!claimed || !claimed.affected) {
        throw new ValidationFailedException([
          { field: 'code', message: 'That code did not match', code: 'mismatch' },
        ]);
      }
      return;
    }
    if (dto.recoveryCode !== undefined) {
      const spent = await this.transactions.run((manager) =>
        this.twoFactor.spendRecoveryCode(manager, user.id, dto.recoveryCode!),
      );
      if (!spent) {
        throw new ValidationFailedException([
          {
            field: 'recoveryCode',
            message: 'That recovery code is not valid or was already used',
            code: 'recoveryInvalid',
          },
        ]);
      }
      return;
    }
    await this.verifyPasskey(user, claims, dto.passkey as unknown as AuthenticationResponseJSON, now);
  }

  private async verifyPasskey(
    user: User,
    claims: TicketClaims,
    response: AuthenticationResponseJSON,
    now: Date,
  ): Promise<void> {
    const refuse = () =>
      new ValidationFailedException([
        { field: 'passkey', message: 'The passkey could not be verified', code: 'passkeyFailed' },
      ]);
    const factor =
      typeof response?.id === 'string' && claims.challenge
        ? await this.factors.findOneBy({ userId: user.id, kind: 'passkey', credentialId: response.id })
        : null;
    if (!factor) throw refuse();
    let verification;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: claims.challenge!,
        expectedOrigin: this.relyingParty.origins,
        expectedRPID: this.relyingParty.id,
        credential: {
          id: factor.credentialId!,
          publicKey: new Uint8Array(Buffer.from(factor.publicKey!, 'base64url')),
          counter: factor.signCount,
          transports: factor.transports?.split(',') as never,
        },
        requireUserVerification: false,
      });
    } catch {
      throw refuse();
    }
    if (!verification.verified) throw refuse();
    // Spent once: the update only applies if the factor has not been used since this ticket was issued.
    const used = { signCount: verification.authenticationInfo.newCounter, lastUsedAt: now };
    const spent = await this.transactions.run(async (manager) => {
      const first = await manager.update(SecondFactor, { id: factor.id, lastUsedAt: IsNull() }, used);
      if (first.affected) return first;
      const issued = new Date(claims.issuedAt);
      return manager.update(SecondFactor, { id: factor.id, lastUsedAt: LessThan(issued) }, used);
    });
    if (!spent.affected) throw refuse();
  }
}
