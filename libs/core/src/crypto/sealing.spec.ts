import { randomBytes } from 'node:crypto';

import { blindToken, deriveKey, IntegrityError, open, seal } from './sealing.js';

describe('sealing', () => {
  const key = randomBytes(32);

  it('round-trips, and two seals of the same text differ', () => {
    const a = seal(key, 'the same reflection', 'entry:1:1:body');
    const b = seal(key, 'the same reflection', 'entry:1:1:body');
    expect(a).not.toBe(b);
    expect(open(key, a, 'entry:1:1:body').toString('utf8')).toBe('the same reflection');
  });

  it('never gives an IV twice, across refills of its pool of IVs', () => {
    const ivs = Array.from({ length: 3000 }, () => seal(key, 'x', 'ctx').split('.')[1]);
    expect(new Set(ivs).size).toBe(3000);
    expect(ivs.every((iv) => Buffer.from(iv, 'base64url').length === 12)).toBe(true);
  });

  it('refuses a ciphertext moved to another row, field or version', () => {
    const sealed = seal(key, 'mine', 'entry:1:1:body');
    for (const elsewhere of ['entry:2:1:body', 'entry:1:2:body', 'entry:1:1:title']) {
      expect(() => open(key, sealed, elsewhere)).toThrow(IntegrityError);
    }
  });

  it('refuses a tampered ciphertext, a wrong key and garbage', () => {
    const sealed = seal(key, 'mine', 'ctx');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(() =>
      open(key, [parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), 'ctx'),
    ).toThrow(IntegrityError);
    expect(() => open(randomBytes(32), sealed, 'ctx')).toThrow(IntegrityError);
    expect(() => open(key, 'not.a.cipher.text', 'ctx')).toThrow(IntegrityError);
    expect(() => open(key, 'garbage', 'ctx')).toThrow(IntegrityError);
  });

  it('derives distinct keys per purpose, and tokens that depend on the key', () => {
    expect(
      deriveKey(key, 'hearth:journal:entries').equals(deriveKey(key, 'hearth:journal:blind-index')),
    ).toBe(false);
    const index = deriveKey(key, 'hearth:journal:blind-index');
    expect(blindToken(index, 'grief')).toBe(blindToken(index, 'grief'));
    expect(blindToken(index, 'grief')).not.toBe(
      blindToken(deriveKey(randomBytes(32), 'hearth:journal:blind-index'), 'grief'),
    );
    expect(blindToken(index, 'grief')).not.toContain('grief');
  });
});
