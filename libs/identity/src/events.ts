import type { Role } from './users/role.js';
import type { SessionRevokedReason } from './sessions/session.entity.js';

/** Domain events emitted by the identity library (through @nestjs/event-emitter). */
export const IdentityEvents = {
  userRegistered: 'user.registered',
  userDisabled: 'user.disabled',
  userRoleChanged: 'user.role_changed',
  sessionRevoked: 'session.revoked',
  emailVerified: 'user.email_verified',
  passwordReset: 'user.password_reset',
} as const;

export class UserRegisteredEvent {
  constructor(
    readonly userId: string,
    readonly role: Role,
  ) {}
}

export class UserDisabledEvent {
  constructor(readonly userId: string) {}
}

export class UserRoleChangedEvent {
  constructor(
    readonly userId: string,
    readonly from: Role,
    readonly to: Role,
  ) {}
}

export class SessionRevokedEvent {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
    readonly reason: SessionRevokedReason,
  ) {}
}

/** The person opened a verification link: email to this account may now carry alerts. */
export class EmailVerifiedEvent {
  constructor(readonly userId: string) {}
}

/** A one-time link set a new password (every session ended); `by` says where the link came from. */
export class PasswordResetEvent {
  constructor(
    readonly userId: string,
    readonly by: 'email' | 'admin',
  ) {}
}
