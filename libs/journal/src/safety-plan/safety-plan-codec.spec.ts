import { randomBytes } from 'node:crypto';

import { IntegrityError } from '@hearth/core';

import { SafetyPlanCodec } from './safety-plan-codec.js';

describe('SafetyPlanCodec', () => {
  const codec = new SafetyPlanCodec();
  const keys = { entries: randomBytes(32), index: randomBytes(32) };
  const steps = {
    warningSigns: ['I stop eating'],
    calmingActions: ['Tea on the balcony'],
    distractions: [],
    helpers: [{ name: 'Ana', phone: '555 0100' }],
    professionals: [{ name: 'PSI', phone: null, url: 'https://postpartum.net' }],
    saferSurroundings: ['Sam keeps the pills'],
  };

  it('opens what it sealed, and seals the same plan differently each time', () => {
    const planCt = codec.seal(keys, 'a', 1, steps);
    expect(codec.open(keys, { id: 'a', version: 1, planCt })).toEqual(steps);
    expect(codec.seal(keys, 'a', 1, steps)).not.toBe(planCt);
    expect(planCt).not.toContain('Ana');
  });

  it('refuses a ciphertext moved to another row or version, or opened with another key', () => {
    const planCt = codec.seal(keys, 'a', 1, steps);
    expect(() => codec.open(keys, { id: 'b', version: 1, planCt })).toThrow(IntegrityError);
    expect(() => codec.open(keys, { id: 'a', version: 2, planCt })).toThrow(IntegrityError);
    const other = { entries: randomBytes(32), index: randomBytes(32) };
    expect(() => codec.open(other, { id: 'a', version: 1, planCt })).toThrow(IntegrityError);
  });
});
