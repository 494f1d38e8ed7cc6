import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as validator from 'class-validator';
import { ValidationTypes } from 'class-validator';

/** Rules no DTO uses today whose words are ready for the first one that does. */
const RULES_NOT_USED_YET = ['isEnum'];

/**
 * Issue 17, item 13: every error code the server throws (`coded('…', …)` in libs/**, for HTTP bodies and socket
 * acks alike) and every rule a field error names (`{ field, …, code: '…' }`) has words in both of the web
 * client's error catalogues; otherwise a Spanish speaker reads the server's English.
 */
describe('Server error codes in the web client’s catalogues', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });
  const files = sources('libs');
  const text = files.map((path) => readFileSync(path, 'utf8'));
  // The environment's rules speak to whoever starts the server, in its log, never to a client.
  const requestText = files
    .filter((path) => !path.startsWith(join('libs', 'core', 'src', 'config')))
    .map((path) => readFileSync(path, 'utf8'));
  const found = (pattern: RegExp, within = text) =>
    [...new Set(within.flatMap((source) => [...source.matchAll(pattern)].map((match) => match[1])))].sort();
  const codes = found(/\bcoded\(\s*'([A-Z][A-Z0-9_]*)'/g);
  // A field error's rule is camelCase (`incorrect`, `notPassage`), within the few lines of its `{ field, … }`.
  const fieldCodes = [
    ...found(/\{\s*field\b[:,][\s\S]{0,240}?\bcode:\s*'([a-z][a-zA-Z]*)'/g),
    // A class-validator constraint that names its own rule (`context: { code: 'phone' }`).
    ...found(/\bcontext:\s*\{\s*code:\s*'([a-z][a-zA-Z]*)'/g),
  ];
  // Every class-validator rule the DTOs use (`@IsInt()`, `Matches(…)` inside `applyDecorators`, …) by the
  // constraint name a field error carries as its code (`isInt`, `isLength` for `Length`), and custom rules by
  // their registered name; a rule that names its own code (`context: { code }`) still has the generic words.
  const imported = found(/import\s*\{([^}]*)\}\s*from\s*'class-validator'/g, requestText).flatMap((names) =>
    names.split(',').map((name) => name.replace(/\btype\b/, '').trim()),
  );
  const constraintOf = (decorator: string): string | undefined => {
    if (decorator === 'ValidateNested') return ValidationTypes.NESTED_VALIDATION;
    const constant = decorator.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
    const library = validator as unknown as Record<string, unknown>;
    const name = library[constant] ?? library[`IS_${constant}`];
    // Being optional, or a condition, is no rule a value breaks.
    return typeof name === 'string' && name !== validator.IS_OPTIONAL ? name : undefined;
  };
  const ruleCodes = [
    ...new Set([
      ...imported.map(constraintOf).filter((code): code is string => code !== undefined),
      ...found(/\bregisterDecorator\(\s*\{\s*name:\s*'([a-zA-Z]+)'/g),
      // The validation pipe's own refusals: a field the route does not take, a body that is no object.
      ValidationTypes.WHITELIST,
      'unknownValue',
    ]),
  ].sort();
  const catalogue = (language: string) =>
    JSON.parse(readFileSync(`apps/web/src/i18n/locales/${language}/errors.json`, 'utf8')) as {
      code: Record<string, string>;
      field: Record<string, string>;
    };

  it('finds the codes it checks', () => {
    expect(codes).toEqual(expect.arrayContaining(['ACCOUNT_DISABLED', 'MUTED_FOR_NOW', 'NOT_A_MEMBER']));
    expect(fieldCodes).toEqual(expect.arrayContaining(['incorrect', 'notPassage', 'phone', 'sixDigits']));
    expect(ruleCodes).toEqual(
      expect.arrayContaining(['isInt', 'isIn', 'isUrl', 'min', 'max', 'isBoolean', 'isLength', 'isTimezone']),
    );
  });

  // Socket refusals whose contract code says it all carry no code of their own: the client translates the ack's.
  const ackCodes = ['ARCHIVED', 'CONSENT_REQUIRED', 'RATE_LIMITED', 'INTERNAL'];

  it.each(['en', 'es'])('%s has words for every code thrown in libs/**', (language) => {
    const { code, field } = catalogue(language);
    expect([...codes, ...ackCodes].filter((c) => !code[c]?.trim())).toEqual([]);
    expect(fieldCodes.filter((c) => !field[c]?.trim())).toEqual([]);
    expect([...ruleCodes, ...RULES_NOT_USED_YET].filter((c) => !field[c]?.trim())).toEqual([]);
  });
});
