import { describe, expect, it } from '@jest/globals';

import { ManualClock } from '@hearth/core';

import { escalationCutoff, isOverdue, type EscalationFacts } from './escalation.js';

describe('When an incident escalates', () => {
  const clock = new ManualClock(new Date('2026-12-02T10:00:00Z'));
  const openedAt = clock.now();
  const open: EscalationFacts = { status: 'open', openedAt, escalatedAt: null };

  it('waits the configured minutes after opening, to the millisecond', () => {
    clock.set(new Date(openedAt.getTime() + 10 * 60_000 - 1));
    expect(isOverdue(open, clock.now(), 10)).toBe(false);
    clock.advance(1);
    expect(isOverdue(open, clock.now(), 10)).toBe(true);
    expect(escalationCutoff(clock.now(), 10)).toEqual(openedAt);
  });

  it('never escalates an acknowledged or resolved incident, nor one already escalated', () => {
    clock.set(new Date(openedAt.getTime() + 60 * 60_000));
    expect(isOverdue({ ...open, status: 'acknowledged' }, clock.now(), 10)).toBe(false);
    expect(isOverdue({ ...open, status: 'resolved' }, clock.now(), 10)).toBe(false);
    expect(isOverdue({ ...open, escalatedAt: openedAt }, clock.now(), 10)).toBe(false);
    expect(isOverdue(open, clock.now(), 10)).toBe(true);
  });

  it('follows the setting: a shorter wait escalates sooner', () => {
    clock.set(new Date(openedAt.getTime() + 2 * 60_000));
    expect(isOverdue(open, clock.now(), 1)).toBe(true);
    expect(isOverdue(open, clock.now(), 5)).toBe(false);
  });
});
