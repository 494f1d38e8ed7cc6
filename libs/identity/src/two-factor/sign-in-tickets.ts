import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';

import { Clock, coded, deriveKey, SECRETS, type Secrets } from '@hearth/core';

/** What a ticket lets its holder do next. */
export type TicketPurpose = 'second-factor' | 'passkey-registration';

export interface TicketClaims {
  /** The person who has proven the first factor (the password), or who is adding a passkey. */
  userId: string;
  purpose: TicketPurpose;
  /** When the ticket was issued (ms): a factor used since then cannot be used again with it. */
  issuedAt: number;
  expiresAt: number;
  /** A WebAuthn challenge (base64url), when the ticket carries one. */
  challenge?: string;
}

const TICKET_TTL_MS = 5 * 60_000;

/**
 * Short-lived, signed tickets that carry a sign-in from the password to the second factor, and a WebAuthn
 * challenge from the options to the answer, without storing either. They are signed with their own key (derived
 * from JWT_SECRET), so a ticket is never an access token and an access token is never a ticket.
 */
@Injectable()
export class SignInTickets {
  private readonly key: Buffer;

  constructor(
    @Inject(SECRETS) secrets: Secrets,
    private readonly clock: Clock,
  ) {
    this.key = deriveKey(Buffer.from(secrets.jwtSecret, 'utf8'), 'hearth:sign-in-ticket');
  }

  static newChallenge(): string {
    return randomBytes(32).toString('base64url');
  }

  issue(userId: string, purpose: TicketPurpose, challenge?: string): { ticket: string; expiresAt: Date } {
    const issuedAt = this.clock.now().getTime();
    const claims: TicketClaims = {
      userId,
      purpose,
      issuedAt,
      expiresAt: issuedAt + TICKET_TTL_MS,
      challenge,
    };
    const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
    return { ticket: `${body}.${this.sign(body)}`, expiresAt: new Date(claims.expiresAt) };
  }

  /** The claims of a genuine, unexpired ticket for this purpose; 401 otherwise. */
  open(ticket: string, purpose: TicketPurpose): TicketClaims {
    const [body, signature, extra] = ticket.split('.');
    const expected = body ? Buffer.from(this.sign(body), 'utf8') : null;
    const given = Buffer.from(signature ?? '', 'utf8');
    if (
      extra !== undefined ||
      !expected ||
      expected.length !== given.length ||
      !timingSafeEqual(expected, given)
    ) {
      throw new UnauthorizedException(coded('SIGN_IN_EXPIRED', 'This sign-in has expired. Sign in again.'));
    }
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TicketClaims;
    if (claims.purpose !== purpose || claims.expiresAt <= this.clock.now().getTime()) {
      throw new UnauthorizedException(coded('SIGN_IN_EXPIRED', 'This sign-in has expired. Sign in again.'));
    }
    return claims;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
