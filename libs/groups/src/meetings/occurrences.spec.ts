import type { Meeting } from './meeting.entity.js';
import { isOccurrence, localIso, occurrencesBetween } from './occurrences.js';

const meeting = (fields: Partial<Meeting>): Meeting =>
  ({
    id: 'm1',
    groupId: 'g1',
    title: 'Circle',
    startsAt: new Date('2026-10-05T17:00:00Z'),
    durationMinutes: 90,
    location: null,
    videoUrl: null,
    recurrence: null,
    recurrenceEndsAt: null,
    ...fields,
  }) as Meeting;

describe('meeting occurrences', () => {
  it('lists a one-off meeting only inside the window', () => {
    const m = meeting({});
    expect(occurrencesBetween(m, 'UTC', new Date('2026-10-01Z'), new Date('2026-10-10Z'))).toEqual([
      m.startsAt,
    ]);
    expect(occurrencesBetween(m, 'UTC', new Date('2026-10-06Z'), new Date('2026-10-10Z'))).toEqual([]);
  });

  it('keeps the local time of a weekly meeting across the end of daylight saving time', () => {
    // 19:00 in Berlin (CEST, UTC+2) on Monday 19 October; clocks go back on Sunday 25 October.
    const m = meeting({ startsAt: new Date('2026-10-19T17:00:00Z'), recurrence: 'weekly' });
    const dates = occurrencesBetween(m, 'Europe/Berlin', new Date('2026-10-01Z'), new Date('2026-11-03Z'));
    expect(dates.map((d) => d.toISOString())).toEqual([
      '2026-10-19T17:00:00.000Z',
      '2026-10-26T18:00:00.000Z',
      '2026-11-02T18:00:00.000Z',
    ]);
    expect(dates.map((d) => localIso(d, 'Europe/Berlin'))).toEqual([
      '2026-10-19T19:00:00+02:00',
      '2026-10-26T19:00:00+01:00',
      '2026-11-02T19:00:00+01:00',
    ]);
  });

  it('stops at the end of the series and skips cancelled occurrences', () => {
    const m = meeting({ recurrence: 'weekly', recurrenceEndsAt: new Date('2026-10-19T17:00:00Z') });
    const cancelled = new Set([new Date('2026-10-12T17:00:00Z').getTime()]);
    const dates = occurrencesBetween(m, 'UTC', new Date('2026-01-01Z'), new Date('2027-01-01Z'), cancelled);
    expect(dates.map((d) => d.toISOString())).toEqual([
      '2026-10-05T17:00:00.000Z',
      '2026-10-19T17:00:00.000Z',
    ]);
  });

  it('finds the occurrences of a long-running series without walking from its start', () => {
    const m = meeting({ startsAt: new Date('2020-01-06T17:00:00Z'), recurrence: 'weekly' });
    const dates = occurrencesBetween(m, 'UTC', new Date('2026-10-01Z'), new Date('2026-10-15Z'));
    expect(dates.map((d) => d.toISOString())).toEqual([
      '2026-10-05T17:00:00.000Z',
      '2026-10-12T17:00:00.000Z',
    ]);
  });

  it('tells a real occurrence from any other instant', () => {
    const m = meeting({ recurrence: 'weekly' });
    expect(isOccurrence(m, 'UTC', new Date('2026-10-12T17:00:00Z'))).toBe(true);
    expect(isOccurrence(m, 'UTC', new Date('2026-10-12T17:30:00Z'))).toBe(false);
    expect(isOccurrence(m, 'UTC', new Date('2026-09-28T17:00:00Z'))).toBe(false);
  });
});
