import { Injectable } from '@nestjs/common';

/** The source of "now". Injected everywhere time matters, so tests of expiries and back-offs never sleep. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that tests move by hand. With `tickMs`, every reading also moves it on a little, so that things
 * done one after another get distinct, ordered times, as they would in life.
 */
export class ManualClock extends Clock {
  private current: Date;

  constructor(
    start: Date | string = '2026-01-05T09:00:00.000Z',
    private readonly tickMs = 0,
  ) {
    super();
    this.current = new Date(start);
  }

  override now(): Date {
    const reading = new Date(this.current);
    this.current = new Date(this.current.getTime() + this.tickMs);
    return reading;
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }
}
