import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { Role } from '../users/role.js';

/** Who is calling: set by the access guard once the access token and its session check out. */
export interface Caller {
  userId: string;
  role: Role;
  sessionId: string;
}

export interface RequestWithCaller {
  caller?: Caller;
}

/** Injects the authenticated caller into a handler parameter. Only valid on `@Authenticated()` routes. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
  if (!caller) {
    throw new Error('@Caller() used on a route without @Authenticated()');
  }
  return caller;
});
