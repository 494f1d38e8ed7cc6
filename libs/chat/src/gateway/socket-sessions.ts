import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { Clock, SharedState, type HearthConfig } from '@hearth/core';
import { AccessTokens, SessionsService, type Role } from '@hearth/identity';

import { AnonymousHandshakes } from './anonymous-handshakes.js';

export interface SocketIdentity {
  userId: string;
  sessionId: string;
  role: Role;
  tokenExpiresAt: number;
}

/**
 * Verifies an access token for a socket exactly as the HTTP access guard does: signature, expiry, live session;
 * and keeps the budget of handshakes that do not authenticate.
 */
@Injectable()
export class SocketSessions {
  readonly anonymous: AnonymousHandshakes;

  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
    config: ConfigService<HearthConfig, true>,
    state: SharedState,
  ) {
    this.anonymous = new AnonymousHandshakes(
      state,
      config.get('chat', { infer: true }).anonymousHandshakes,
      config.get('throttle', { infer: true }).ttlSeconds,
      config.get('http', { infer: true }).trustProxy,
    );
  }

  async verify(token: unknown): Promise<SocketIdentity | null> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return null;
    const claims = this.accessTokens.verify(token, this.clock.now());
    if (!claims) return null;
    const active = await this.sessions.findActive(claims.sid, claims.sub);
    if (!active) return null;
    return {
      userId: active.user.id,
      sessionId: active.session.id,
      role: active.role,
      tokenExpiresAt: claims.exp * 1000,
    };
  }

  /** The person's platform role while the socket's session is signed in and the account enabled; else null. */
  async liveRole(identity: Pick<SocketIdentity, 'sessionId' | 'userId'>): Promise<Role | null> {
    return (await this.sessions.findActive(identity.sessionId, identity.userId))?.role ?? null;
  }

  isExpired(expiresAt: number): boolean {
    return expiresAt <= this.clock.now().getTime();
  }
}
