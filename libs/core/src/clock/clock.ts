import { Injectable } from '@nestjs/common';

/** The source of "now". Injected everywhere time matters, so tests of expiries and back-offs never sleep. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that tests move by hand. */
export class ManualClock extends Clock {
  private current: Date;

  constructor(start: Date | string = '2026-01-05T09:00:00.000Z') {
    super();
    this.current = new Date(start);
  }

  override now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }
}
