import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';

import type { HearthConfig } from '../config/hearth-config.js';
import { AUTH_THROTTLE } from './auth-throttle.decorator.js';

const isAuthRoute = (context: ExecutionContext): boolean =>
  Reflect.getMetadata(AUTH_THROTTLE, context.getHandler()) === true ||
  Reflect.getMetadata(AUTH_THROTTLE, context.getClass()) === true;

export function throttlerOptions({ throttle }: HearthConfig): ThrottlerModuleOptions {
  const ttl = throttle.ttlSeconds * 1000;
  return {
    throttlers: [
      { name: 'default', ttl, limit: throttle.limit },
      { name: 'auth', ttl, limit: throttle.authLimit, skipIf: (context) => !isAuthRoute(context) },
    ],
  };
}
