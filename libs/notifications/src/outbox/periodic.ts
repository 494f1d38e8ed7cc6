import type { Logger } from '@nestjs/common';

/**
 * A pass that runs at most once at a time on this node: a call while one is running shares its result. For
 * the periodic passes (reminders, new-message notices), called by a timer and by tests.
 */
export function oneAtATime<T>(pass: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => (running ??= pass().finally(() => (running = null)));
}

/** Runs a pass from a timer: a failure is logged (its message only) and the next tick tries again. */
export function fromTimer(logger: Logger, what: string, pass: () => Promise<unknown>): void {
  void pass().catch((error: Error) => logger.warn({ err: { message: error.message } }, `${what} failed`));
}
