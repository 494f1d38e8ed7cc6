import { SetMetadata } from '@nestjs/common';

export const AUTH_THROTTLE = 'hearth:auth-throttle';
export const SKIP_RATE_LIMIT = 'hearth:skip-rate-limit';

/** Marks a route that accepts credentials: it gets the stricter per-IP budget on top of the general one. */
export const AuthThrottle = () => SetMetadata(AUTH_THROTTLE, true);

/** Exempts a route from rate limits (health checks from a load balancer). */
export const SkipRateLimit = () => SetMetadata(SKIP_RATE_LIMIT, true);
