import 'reflect-metadata';

import { ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

import {
  acceptedQuickly,
  createValidationPipe,
  VALIDATION_OPTIONS,
  ValidationFailedException,
} from '@hearth/core';
import { MESSAGE_MAX_LENGTH, REACTION_EMOJI } from '@hearth/contracts';

import * as payloads from './chat.dto.js';

/**
 * The validation pipe answers a flat payload that certainly passes without class-transformer and class-validator
 * (`validation-fast-path.ts`, issue 19). Here every socket payload class meets thousands of generated payloads,
 * valid and not, and the pipe must answer each exactly as Nest's own ValidationPipe with the same options does:
 * the same instance for a valid one, a refusal for an invalid one.
 */
const UUID = '0b6f2a8e-3d1c-4e5f-9a7b-1c2d3e4f5a6b';
const VALUES: unknown[] = [
  UUID,
  UUID.toUpperCase(),
  'b9c1e2f0-7a6d-11ee-8c90-0242ac120002',
  '00000000-0000-0000-0000-000000000000',
  `${UUID}x`,
  UUID.slice(1),
  '',
  ' ',
  'hello',
  'a'.repeat(MESSAGE_MAX_LENGTH * 2),
  'a'.repeat(MESSAGE_MAX_LENGTH * 2 + 1),
  '🌱'.repeat(MESSAGE_MAX_LENGTH),
  '🌱'.repeat(MESSAGE_MAX_LENGTH * 2 + 1),
  'x'.repeat(4096),
  'x'.repeat(4097),
  ...REACTION_EMOJI,
  '❤',
  0,
  1,
  42,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '7',
  true,
  false,
  'true',
  null,
  undefined,
  {},
  [],
  [UUID],
  { groupId: UUID },
];
const EXTRA_KEYS = ['extra', 'constructor', 'toString', '__proto__'];

/** A small seeded generator: the same payloads on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    return ((state ^ (state >>> 13)) >>> 0) / 4294967296;
  };
}

/** The fields a payload class has rules for. */
function fieldsOf(metatype: new () => object): string[] {
  const rules = getMetadataStorage().getTargetValidationMetadatas(metatype, '', false, false);
  return [...new Set(rules.map((rule) => rule.propertyName))];
}

const classes: [string, new () => object][] = Object.entries(payloads);

describe('the validation pipe on socket payloads', () => {
  const pipe = createValidationPipe();
  const reference = new ValidationPipe(VALIDATION_OPTIONS);

  async function outcome(
    which: ValidationPipe,
    value: unknown,
    metatype: new () => object,
  ): Promise<{ ok: true; value: unknown } | { ok: false }> {
    try {
      return { ok: true, value: await which.transform(value, { type: 'body', metatype }) };
    } catch {
      return { ok: false };
    }
  }

  it.each(classes)(
    'answers %s as Nest’s own ValidationPipe does, on 3,000 generated payloads',
    async (_, metatype) => {
      const next = random(metatype.name.length * 7919);
      const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
      const fields = fieldsOf(metatype);
      // The values each field accepts on its own, so that about half the payloads are valid ones.
      const good = new Map<string, unknown[]>();
      for (const field of fields) {
        const passing: unknown[] = [];
        for (const value of VALUES) {
          try {
            await reference.transform({ [field]: value }, { type: 'body', metatype });
            passing.push(value);
          } catch (error) {
            const details = error instanceof ValidationFailedException ? error.details : [];
            if (!details.some((detail) => detail.field === field)) passing.push(value);
          }
        }
        good.set(field, passing);
      }
      let accepted = 0;
      for (let i = 0; i < 3000; i++) {
        const payload: Record<string, unknown> = {};
        const set = (key: string, value: unknown) =>
          // `__proto__` as an own key, as JSON.parse (and socket.io's parser) would make it.
          Object.defineProperty(payload, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        for (const field of fields) {
          const roll = next();
          if (roll < 0.85) set(field, pick(good.get(field)!));
          else if (roll < 0.95) set(field, pick(VALUES));
        }
        if (next() < 0.05) set(pick(EXTRA_KEYS), pick(VALUES));
        // Each pipe gets its own copy: Nest's strips prototype keys in place.
        const quick = acceptedQuickly(metatype, structuredClone(payload));
        const ours = await outcome(pipe, structuredClone(payload), metatype);
        const theirs = await outcome(reference, structuredClone(payload), metatype);
        expect(ours.ok).toBe(theirs.ok);
        // A valid payload of the class's own fields is answered quickly. (One with an extra key named after a
        // property every object has, such as `constructor`, goes the usual way: class-validator's whitelist lets
        // those through, and the fast path leaves them to it.)
        if (Object.keys(payload).every((key) => fields.includes(key))) expect(quick !== null).toBe(theirs.ok);
        else expect(quick).toBeNull();
        if (ours.ok && theirs.ok) {
          accepted++;
          expect(ours.value).toBeInstanceOf(metatype);
          expect(ours.value).toEqual(theirs.value);
          if (quick !== null) expect(quick).toEqual(theirs.value);
        }
      }
      // Both kinds were met: the generator is not all refusals.
      expect(accepted).toBeGreaterThan(300);
    },
  );
});
