import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';

import type { HearthConfig } from '@hearth/core';

export interface AccessTokenClaims {
  /** The user's id. */
  sub: string;
  /** The session (refresh-token family) the token belongs to. */
  sid: string;
}

const ISSUER = 'hearth';
const AUDIENCE = 'hearth-api';

/** Short-lived signed access tokens (HS256). */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: ConfigService<HearthConfig, true>,
  ) {}

  get ttlSeconds(): number {
    return this.config.get('auth', { infer: true }).accessTokenTtlSeconds;
  }

  sign(claims: AccessTokenClaims, now: Date): string {
    const iat = Math.floor(now.getTime() / 1000);
    return this.jwt.sign(
      { sub: claims.sub, sid: claims.sid, iat, exp: iat + this.ttlSeconds },
      { issuer: ISSUER, audience: AUDIENCE, algorithm: 'HS256' },
    );
  }

  /** Returns the claims, or null for any token that is malformed, forged, expired or not ours. */
  verify(token: string, now: Date): (AccessTokenClaims & { exp: number }) | null {
    try {
      const claims = this.jwt.verify<AccessTokenClaims & { exp: number }>(token, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
      return typeof claims.sub === 'string' && typeof claims.sid === 'string' ? claims : null;
    } catch {
      return null;
    }
  }
}
