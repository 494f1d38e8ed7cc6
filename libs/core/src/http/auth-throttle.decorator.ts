import { SetMetadata } from '@nestjs/common';

export const AUTH_THROTTLE = 'hearth:auth-throttle';

/** Marks a route that accepts credentials: it gets the stricter per-IP `auth` throttler on top of the default one. */
export const AuthThrottle = () => SetMetadata(AUTH_THROTTLE, true);
