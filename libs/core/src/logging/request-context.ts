import { AsyncLocalStorage } from 'node:async_hooks';

import type { Logger } from 'pino';

/** The request being served, so that logs written while serving it carry its id. */
export const requestContext = new AsyncLocalStorage<{ log: Logger }>();
