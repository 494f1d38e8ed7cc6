import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { firstValueFrom, of, throwError } from 'rxjs';

import type { Durability } from './durability.js';
import { AlreadyDurable, DurableReplies } from './durable-replies.interceptor.js';

/** A Durability whose syncs the test ends by hand. */
function manualDurability(needed = true) {
  const waiting: (() => void)[] = [];
  const durability = {
    needed,
    synced: () => new Promise<void>((resolve) => waiting.push(resolve)),
  } as unknown as Durability;
  return { durability, waiting };
}

class Handlers {
  send() {}
  @AlreadyDurable()
  typing() {}
}

function httpContext(method: string): ExecutionContext {
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ method }) }),
    getHandler: () => Handlers.prototype.send,
  } as unknown as ExecutionContext;
}

function wsContext(handler: () => void): ExecutionContext {
  return { getType: () => 'ws', getHandler: () => handler } as unknown as ExecutionContext;
}

const replying = (value: unknown): CallHandler => ({ handle: () => of(value) });
const failing = (error: Error): CallHandler => ({ handle: () => throwError(() => error) });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('DurableReplies', () => {
  it('answers a change over HTTP only once the log is synced', async () => {
    const { durability, waiting } = manualDurability();
    const interceptor = new DurableReplies(durability, new Reflector());
    let reply: unknown = null;
    void firstValueFrom(interceptor.intercept(httpContext('POST'), replying({ id: 1 }))).then(
      (value) => (reply = value),
    );
    await tick();
    expect(reply).toBeNull();
    expect(waiting).toHaveLength(1);
    waiting[0]();
    await tick();
    expect(reply).toEqual({ id: 1 });
  });

  it('answers an error of a change only once the log is synced too', async () => {
    const { durability, waiting } = manualDurability();
    const interceptor = new DurableReplies(durability, new Reflector());
    let failure: unknown = null;
    void firstValueFrom(interceptor.intercept(httpContext('DELETE'), failing(new Error('gone')))).catch(
      (error: unknown) => (failure = error),
    );
    await tick();
    expect(failure).toBeNull();
    waiting[0]();
    await tick();
    expect((failure as Error).message).toBe('gone');
  });

  it('answers reads at once', async () => {
    const { durability, waiting } = manualDurability();
    const interceptor = new DurableReplies(durability, new Reflector());
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      await expect(
        firstValueFrom(interceptor.intercept(httpContext(method), replying(method))),
      ).resolves.toBe(method);
    }
    expect(waiting).toHaveLength(0);
  });

  it('waits on socket events unless the handler is marked @AlreadyDurable()', async () => {
    const { durability, waiting } = manualDurability();
    const interceptor = new DurableReplies(durability, new Reflector());
    await expect(
      firstValueFrom(interceptor.intercept(wsContext(Handlers.prototype.typing), replying('typing'))),
    ).resolves.toBe('typing');
    expect(waiting).toHaveLength(0);
    const sent = firstValueFrom(interceptor.intercept(wsContext(Handlers.prototype.send), replying('sent')));
    await tick();
    expect(waiting).toHaveLength(1);
    waiting[0]();
    await expect(sent).resolves.toBe('sent');
  });

  it('does not wait where commits are durable by themselves (PostgreSQL, memory)', async () => {
    const { durability, waiting } = manualDurability(false);
    const interceptor = new DurableReplies(durability, new Reflector());
    await expect(firstValueFrom(interceptor.intercept(httpContext('POST'), replying('ok')))).resolves.toBe(
      'ok',
    );
    expect(waiting).toHaveLength(0);
  });
});
