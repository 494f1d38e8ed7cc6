import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

import { loggablePath } from './loggable-path.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'hearth' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Defence in depth: these keys are never logged on purpose, and are removed if they ever are.
    redact: {
      paths: ['password', 'token', 'accessToken', 'refreshToken', 'body', '*.password', '*.token', '*.body'],
      remove: true,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Express middleware that logs each request by method, path and status: never headers, bodies or the query
 * string (which may carry a calendar token), and paths with the secrets they hold redacted (invitation codes),
 * so passwords, tokens and private text stay out of the logs. The request's line carries its id (`req.id`, sent
 * back as `x-request-id`), and so does the line of an unexpected error (HttpErrorFilter). What services log while
 * serving it does not: carrying the id there took an AsyncLocalStorage, whose promise hooks then ran for every
 * promise of the process, chat messages included, and made 9 % of its allocations (docs/PERFORMANCE.md).
 */
export function createHttpLogger(logger: Logger) {
  const http = pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: loggablePath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: Error) => ({ type: err.name, message: err.message }),
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/api/health' },
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    http(req, res);
    next();
  };
}
