import fc from 'fast-check';

/** Values of every JSON type, plus strings that look like what the routes expect. */
export function jsonValues(plausible: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.string({ maxLength: 300 }),
    fc.constantFrom('', ' ', 'null', '__proto__', '\u0000', '💥'.repeat(200), 'x'.repeat(5000), ...plausible),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
}

/** Request bodies for a route: its own fields with hostile values, stray keys, or no object at all. */
export function bodiesFor(keys: string[], plausible: string[] = []): fc.Arbitrary<unknown> {
  const value = jsonValues(plausible);
  return fc.oneof(
    fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] }),
    fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'role', 'id'), value),
    value,
  );
}
