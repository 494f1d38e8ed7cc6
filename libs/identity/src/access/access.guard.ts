import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { Clock, coded } from '@hearth/core';

import { AccessTokens } from '../sessions/access-tokens.js';
import { SessionsService } from '../sessions/sessions.service.js';
import type { Role } from '../users/role.js';
import type { RequestWithCaller } from './caller.js';

export const REQUIRED_ROLES = 'hearth:roles';

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header ?? '');
  return match ? match[1] : null;
}

/**
 * Authenticates the access token, checks that its session is still live and its account enabled (so logout,
 * a revoked family or a disabled account take effect at once), then enforces any `@Roles()`.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokens,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & RequestWithCaller>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new UnauthorizedException('Authentication required');
    }
    const claims = this.accessTokens.verify(token, this.clock.now());
    const active = claims ? await this.sessions.findActive(claims.sid, claims.sub) : null;
    if (!claims || !active) {
      throw new UnauthorizedException('Access token is invalid or expired');
    }
    request.caller = { userId: active.user.id, role: active.role, sessionId: active.session.id };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(active.role)) {
      throw new ForbiddenException(
        roles.includes(active.user.role)
          ? coded('STAFF_NEEDS_SECOND_FACTOR', 'Set up two-step verification to use your staff tools')
          : 'You do not have permission to do this',
      );
    }
    return true;
  }
}
