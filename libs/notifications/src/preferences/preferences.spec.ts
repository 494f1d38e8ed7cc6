import { DEFAULT_PREFERENCES, quietUntil, withDefaults, type Preferences } from './preferences.js';

const night = (timeZone: string, start = '22:00', end = '07:00'): Preferences =>
  withDefaults({ quietHours: { start, end }, timeZone });

describe('quietUntil', () => {
  it('holds a notice sent at night until the quiet hours end, in the person’s own time zone', () => {
    // 23:30 in New York (UTC-5 in January) is 04:30 UTC; the night ends at 07:00 New York, 12:00 UTC.
    expect(quietUntil(new Date('2026-01-06T04:30:00Z'), night('America/New_York'))).toEqual(
      new Date('2026-01-06T12:00:00Z'),
    );
    // 06:59 the next morning is still inside; 07:00 is not.
    expect(quietUntil(new Date('2026-01-06T11:59:00Z'), night('America/New_York'))).toEqual(
      new Date('2026-01-06T12:00:00Z'),
    );
    expect(quietUntil(new Date('2026-01-06T12:00:00Z'), night('America/New_York'))).toBeNull();
  });

  it('reads hours that do not wrap midnight as one span of the day', () => {
    const nap = night('Europe/Madrid', '13:00', '15:30');
    expect(quietUntil(new Date('2026-07-01T11:10:00Z'), nap)).toEqual(new Date('2026-07-01T13:30:00Z'));
    expect(quietUntil(new Date('2026-07-01T10:59:00Z'), nap)).toBeNull();
  });

  it('has no quiet hours by default or when start equals end', () => {
    expect(quietUntil(new Date(), DEFAULT_PREFERENCES)).toBeNull();
    expect(quietUntil(new Date(), night('UTC', '08:00', '08:00'))).toBeNull();
  });
});

describe('withDefaults', () => {
  it('keeps stored choices and fills what was never chosen', () => {
    const preferences = withDefaults({ channels: { mentions: { push: false, email: true } } } as never);
    expect(preferences.channels.mentions).toEqual({ push: false, email: true });
    expect(preferences.channels.crisis).toEqual({ push: true, email: true });
    expect(preferences.timeZone).toBe('UTC');
  });
});
