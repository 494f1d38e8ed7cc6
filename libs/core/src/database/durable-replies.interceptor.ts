import {
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, concatMap, from, map, type Observable } from 'rxjs';

import { Durability } from './durability.js';

const ALREADY_DURABLE = 'hearth:already-durable';

/**
 * Marks a socket handler whose ack need not wait for the disk: it writes nothing, or writes only through
 * `Transactions.run`, which waits itself (a message's send).
 */
export const AlreadyDurable = () => SetMetadata(ALREADY_DURABLE, true);

/** HTTP methods that change nothing. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * No reply reports a write before the write is on disk (see `Durability`): an HTTP request that may change
 * something, and a socket event unless marked `@AlreadyDurable()`, are answered (with their result or their
 * error) only after the database's log has been synced. Reads are answered at once.
 */
@Injectable()
export class DurableReplies implements NestInterceptor {
  constructor(
    private readonly durability: Durability,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.waits(context)) return next.handle();
    const synced = () => from(this.durability.synced());
    return next.handle().pipe(
      concatMap((value) => synced().pipe(map(() => value))),
      catchError((error: unknown) =>
        synced().pipe(
          map(() => {
            throw error;
          }),
        ),
      ),
    );
  }

  private waits(context: ExecutionContext): boolean {
    if (!this.durability.needed) return false;
    switch (context.getType()) {
      case 'http':
        return !SAFE_METHODS.has(context.switchToHttp().getRequest<Request>().method);
      case 'ws':
        return !this.reflector.get<boolean>(ALREADY_DURABLE, context.getHandler());
      default:
        return false;
    }
  }
}
