import type { Role } from './users/role.js';
import type { SessionRevokedReason } from './sessions/session.entity.js';

/** Domain events emitted by the identity library (through @nestjs/event-emitter). */
export const IdentityEvents = {
  userRegistered: 'user.registered',
  userDisabled: 'user.disabled',
  userRoleChanged: 'user.role_changed',
  sessionRevoked: 'session.revoked',
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
