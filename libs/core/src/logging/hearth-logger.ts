import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's LoggerService on top of pino: structured JSON.
 * Call it through `new Logger(Context)` as `logger.log({ userId }, 'what happened')` or `logger.log('text')`.
 */
@Injectable()
export class HearthLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]) {
    const logger = this.root;
    // Nest's Logger appends its context as the last parameter.
    const context =
      params.length > 0 && typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    const rest = context === undefined ? params : params.slice(0, -1);
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      logger[level]({ context, ...message }, typeof rest[0] === 'string' ? rest[0] : undefined);
    } else if (message instanceof Error) {
      logger[level]({ context, err: { type: message.name, message: message.message, stack: message.stack } });
    } else {
      const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
      logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
