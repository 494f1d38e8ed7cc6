import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
  const text = sources('libs').map((path) => readFileSync(path, 'utf8'));
  const found = (pattern: RegExp) =>
    [...new Set(text.flatMap((source) => [...source.matchAll(pattern)].map((match) => match[1])))].sort();
  const codes = found(/\bcoded\(\s*'([A-Z][A-Z0-9_]*)'/g);
  // A field error's rule is camelCase (`incorrect`, `notPassage`), within the few lines of its `{ field, … }`.
  const fieldCodes = [
    ...found(/\{\s*field\b[:,][\s\S]{0,240}?\bcode:\s*'([a-z][a-zA-Z]*)'/g),
    // A class-validator constraint that names its own rule (`context: { code: 'phone' }`).
    ...found(/\bcontext:\s*\{\s*code:\s*'([a-z][a-zA-Z]*)'/g),
  ];
  const catalogue = (language: string) =>
    JSON.parse(readFileSync(`apps/web/src/i18n/locales/${language}/errors.json`, 'utf8')) as {
      code: Record<string, string>;
      field: Record<string, string>;
    };

  it('finds the codes it checks', () => {
    expect(codes).toEqual(expect.arrayContaining(['ACCOUNT_DISABLED', 'MUTED_FOR_NOW', 'NOT_A_MEMBER']));
    expect(fieldCodes).toEqual(expect.arrayContaining(['incorrect', 'notPassage', 'phone', 'sixDigits']));
  });

  // Socket refusals whose contract code says it all carry no code of their own: the client translates the ack's.
  const ackCodes = ['ARCHIVED', 'CONSENT_REQUIRED', 'RATE_LIMITED', 'INTERNAL'];

  it.each(['en', 'es'])('%s has words for every code thrown in libs/**', (language) => {
    const { code, field } = catalogue(language);
    expect([...codes, ...ackCodes].filter((c) => !code[c]?.trim())).toEqual([]);
    expect(fieldCodes.filter((c) => !field[c]?.trim())).toEqual([]);
  });
});
