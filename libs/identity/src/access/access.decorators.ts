import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

import { ErrorBody } from '@hearth/core';

import type { Role } from '../users/role.js';
import { AccessGuard, REQUIRED_ROLES } from './access.guard.js';

/** The route needs a valid access token of a live session and an enabled account. */
export const Authenticated = () =>
  applyDecorators(
    UseGuards(AccessGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBody, description: 'Missing, invalid or expired access token' }),
  );

/** The route needs one of these platform roles (and, with it, authentication). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    Authenticated(),
    SetMetadata(REQUIRED_ROLES, roles),
    ApiForbiddenResponse({ type: ErrorBody, description: `Only for: ${roles.join(', ')}` }),
  );
