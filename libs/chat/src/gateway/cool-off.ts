import { Injectable } from '@nestjs/common';

import { Clock, SharedState } from '@hearth/core';

/** How long a person's new connections are refused after one was closed for ignoring RATE_LIMITED. */
export const COOL_OFF_MS = 60_000;

/**
 * A pause on a person's new connections, shared by every node: a connection closed for ignoring its budget
 * (SocketBudgetGuard) must not come straight back, or closing it would only trade refused events for
 * handshakes, which cost more.
 */
@Injectable()
export class CoolOff {
  constructor(
    private readonly state: SharedState,
    private readonly clock: Clock,
  ) {}

  async start(userId: string): Promise<void> {
    await this.state.setNumber(this.key(userId), this.clock.now().getTime() + COOL_OFF_MS, COOL_OFF_MS);
  }

  /** Milliseconds until the person may connect again; 0 when they may now. */
  async remainingMs(userId: string): Promise<number> {
    const until = await this.state.getNumber(this.key(userId));
    return until === null ? 0 : Math.max(0, until - this.clock.now().getTime());
  }

  private key(userId: string): string {
    return `cool-off:${userId}`;
  }
}
