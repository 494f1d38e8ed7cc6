import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The client's message catalogues (apps/web/src/i18n/locales/<language>/<area>.json): every language has every key, with the same
 * placeholders and tags; every key the code asks for exists. A missing key fails here, not in front of a person.
 */
const ROOT = new URL('../../apps/web/src/', import.meta.url).pathname;
const LOCALES = join(ROOT, 'i18n/locales');

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [k, v] of flatten(value, path)) result.set(k, v);
  }
  return result;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|js)$/.test(name) ? [path] : [];
  });
}

/** locales/<language>/<area>.json holds the strings under `<area>.`. */
const catalogues = new Map(
  readdirSync(LOCALES).map((language) => {
    const areas = readdirSync(join(LOCALES, language)).filter((name) => name.endsWith('.json'));
    const catalogue = Object.fromEntries(
      areas.map((name) => [
        name.replace('.json', ''),
        JSON.parse(readFileSync(join(LOCALES, language, name), 'utf8')),
      ]),
    ) as Catalogue;
    return [language, flatten(catalogue)];
  }),
);
/** A plural's forms (`_one`, `_other`, …) are one key as the code asks for it. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const marks = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|<\/?(\w+)\s*\/?>/g)].map((m) => m[0]).sort();

describe('Web client message catalogues', () => {
  const english = catalogues.get('en')!;

  it('has English and Spanish', () => {
    expect([...catalogues.keys()].sort()).toEqual(['en', 'es']);
    expect(english.size).toBeGreaterThan(10);
  });

  it.each([...catalogues.keys()].filter((language) => language !== 'en'))(
    '%s has every English key, no other, with the same placeholders and tags, none left empty',
    (language) => {
      const other = catalogues.get(language)!;
      const englishKeys = new Set([...english.keys()].map(base));
      const otherKeys = new Set([...other.keys()].map(base));
      expect([...englishKeys].filter((key) => !otherKeys.has(key))).toEqual([]);
      expect([...otherKeys].filter((key) => !englishKeys.has(key))).toEqual([]);
      for (const [key, text] of other) {
        expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
        const english_ = english.get(key) ?? english.get(`${base(key)}_other`) ?? '';
        expect({ key, marks: marks(text) }).toEqual({ key, marks: marks(english_) });
      }
    },
  );

  it('speaks of facilitators in Spanish in the inclusive forms only ("persona facilitadora", "quienes facilitan")', () => {
    // "facilitadora(s)" alone, or "facilitador(es)", once sat beside the inclusive forms in other screens.
    const spanish = catalogues.get('es')!;
    const gendered = [...spanish]
      .filter(([, text]) =>
        /\bfacilitador(a|as|es)?\b/i.test(text.replace(/\bpersonas? facilitadoras?\b/gi, '')),
      )
      .map(([key, text]) => `${key}: ${text}`);
    expect(gendered).toEqual([]);
  });

  it('has every key the code asks for', () => {
    const known = new Set([...english.keys()].map(base));
    const missing: string[] = [];
    for (const file of sources(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([\w.]+)'|i18nKey="([\w.]+)"/g)) {
        const key = match[1] ?? match[2];
        if (!known.has(key)) missing.push(`${file.replace(ROOT, '')}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
