import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';

import type { TestApp } from './app.js';

export interface RecordedEvent {
  name: string;
  payload: Record<string, unknown>;
  /** Whether a database transaction was open when the event was emitted (it must never be). */
  inTransaction: boolean;
}

/**
 * Records every domain event the app emits, with whether a transaction was still open at that moment. On the
 * embedded SQLite database there is one connection, so `inTransaction` is exactly "emitted before commit".
 */
export function recordDomainEvents(t: TestApp) {
  const emitter = t.app.get(EventEmitter2);
  const driver = t.app.get(DataSource).driver as unknown as {
    databaseConnection: { inTransaction: boolean };
  };
  const events: RecordedEvent[] = [];
  const listener = (name: string | string[], payload: unknown) => {
    if (typeof name !== 'string' || typeof payload !== 'object' || payload === null) return;
    events.push({
      name,
      payload: { ...(payload as Record<string, unknown>) },
      inTransaction: driver.databaseConnection.inTransaction,
    });
  };
  emitter.onAny(listener);
  return {
    events,
    /** The payloads of one event, in order. */
    of: (name: string) => events.filter((e) => e.name === name).map((e) => e.payload),
    stop: () => emitter.offAny(listener),
  };
}
