/**
 * Word patterns of the crisis grammar. A pattern is words separated by spaces, where each word may be:
 * - `word`: that word;
 * - `pre*`: any word starting with `pre`;
 * - `a|b|c*`: any of these;
 * - `a_b|c`: an alternative of several words is joined by underscores ("them_all|everything");
 * - `~N`: up to N words of anything (a gap).
 * Patterns are compiled once and indexed by their first word, so that a text is read once whatever their number.
 */
type Element =
  | { kind: 'gap'; max: number }
  | { kind: 'word'; exact: Set<string>; prefixes: string[]; phrases: string[][] };

export interface Pattern<T> {
  elements: Element[];
  /** Whether the pattern says "not" itself ("don't want to live"): a negation before it does not turn it. */
  negated: boolean;
  value: T;
  source: string;
}

export interface Match<T> {
  start: number;
  /** One past the last word. */
  end: number;
  pattern: Pattern<T>;
}

const NEGATING = new Set(['not', 'no', 'never', 'nunca', 'jamas', 'ni', 'nothing', 'nadie', 'nada']);

export function compile<T>(source: string, value: T): Pattern<T> {
  const elements: Element[] = source
    .trim()
    .split(/\s+/)
    .map((part) => {
      const gap = /^~(\d)$/.exec(part);
      if (gap) return { kind: 'gap', max: Number(gap[1]) };
      const exact = new Set<string>();
      const prefixes: string[] = [];
      const phrases: string[][] = [];
      for (const alternative of part.split('|'))
        if (alternative.includes('_')) phrases.push(alternative.split('_'));
        else if (alternative.endsWith('*')) prefixes.push(alternative.slice(0, -1));
        else exact.add(alternative);
      return { kind: 'word', exact, prefixes, phrases };
    });
  if (elements[0]?.kind !== 'word' || elements[elements.length - 1].kind !== 'word')
    throw new Error(`A pattern starts and ends with a word: "${source}"`);
  const negated = source.split(/[\s|_]+/).some((word) => NEGATING.has(word));
  return { elements, negated, value, source };
}

function acceptsWord(written: string, word: string): boolean {
  return word.endsWith('*') ? written.startsWith(word.slice(0, -1)) : written === word;
}

function acceptsOne(element: Element & { kind: 'word' }, word: string): boolean {
  if (element.exact.has(word)) return true;
  for (const prefix of element.prefixes) if (word.startsWith(prefix)) return true;
  return false;
}

function acceptsPhrase(phrase: string[], words: readonly string[], at: number): boolean {
  if (at + phrase.length > words.length) return false;
  for (let i = 0; i < phrase.length; i++) if (!acceptsWord(words[at + i], phrase[i])) return false;
  return true;
}

/**
 * Patterns filed by their first word: under the word itself when it is spelled out, and under a prefix's first
 * two letters (checked against the whole prefix) when it is a prefix, so that each word of a text is tried only
 * against the patterns that can start there.
 */
export class PatternSet<T> {
  private readonly byWord = new Map<string, Pattern<T>[]>();
  /** Keyed by the first two letters' UTF-16 units as one number (`twoLetters`): no string per word read. */
  private readonly byPrefix = new Map<number, { prefixes: string[]; pattern: Pattern<T> }[]>();

  constructor(patterns: readonly Pattern<T>[]) {
    for (const pattern of patterns) {
      const first = pattern.elements[0] as Element & { kind: 'word' };
      const words = new Set([...first.exact, ...first.phrases.map((phrase) => phrase[0])]);
      const prefixes = [...first.prefixes];
      for (const word of words) {
        if (word.endsWith('*')) prefixes.push(word.slice(0, -1));
        else this.byWord.set(word, [...(this.byWord.get(word) ?? []), pattern]);
      }
      // Filed once per two-letter key, with every prefix that key holds, so it is tried once per word.
      const byKey = new Map<string, string[]>();
      for (const prefix of prefixes) {
        if (prefix.length < 2) throw new Error(`A prefix has at least two letters: "${pattern.source}"`);
        byKey.set(prefix.slice(0, 2), [...(byKey.get(prefix.slice(0, 2)) ?? []), prefix]);
      }
      for (const [key, keyed] of byKey)
        this.byPrefix.set(twoLetters(key), [
          ...(this.byPrefix.get(twoLetters(key)) ?? []),
          { prefixes: keyed, pattern },
        ]);
    }
  }

  /** Every match, in text order; each pattern at most once per start, with its first extent. */
  matches(words: readonly string[]): Match<T>[] {
    const found: Match<T>[] = [];
    for (let start = 0; start < words.length; start++) {
      const word = words[start];
      const exact = this.byWord.get(word);
      if (exact) for (const pattern of exact) this.attempt(pattern, words, start, found);
      const byPrefix = word.length >= 2 ? this.byPrefix.get(twoLetters(word)) : undefined;
      if (byPrefix)
        for (const { prefixes, pattern } of byPrefix)
          // A pattern filed both ways is tried once: by its word when that matched.
          if (startsWithAny(word, prefixes) && !exact?.includes(pattern))
            this.attempt(pattern, words, start, found);
    }
    return found;
  }

  private attempt(pattern: Pattern<T>, words: readonly string[], start: number, found: Match<T>[]): void {
    const end = matchFrom(pattern.elements, 0, words, start);
    if (end >= 0) found.push({ start, end, pattern });
  }

  /** Every word the set knows by its full spelling (for spelling correction). */
  vocabulary(): string[] {
    const words: string[] = [];
    const all = new Set([
      ...[...this.byWord.values()].flat(),
      ...[...this.byPrefix.values()].flat().map((x) => x.pattern),
    ]);
    for (const pattern of all)
      for (const element of pattern.elements)
        if (element.kind === 'word') words.push(...element.exact, ...element.phrases.flat());
    return words.filter((word) => !word.endsWith('*'));
  }
}

/** A word's first two UTF-16 units as one number (the word has at least two). */
function twoLetters(word: string): number {
  return word.charCodeAt(0) * 0x10000 + word.charCodeAt(1);
}

function startsWithAny(word: string, prefixes: readonly string[]): boolean {
  for (const prefix of prefixes) if (word.startsWith(prefix)) return true;
  return false;
}

/** Where the match of `elements[i..]` from `words[at]` ends (one past), or -1. */
function matchFrom(elements: Element[], i: number, words: readonly string[], at: number): number {
  if (i === elements.length) return at;
  const element = elements[i];
  if (element.kind === 'gap') {
    for (let skip = 0; skip <= element.max && at + skip <= words.length; skip++) {
      const end = matchFrom(elements, i + 1, words, at + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  // A plain loop (no generator): this runs for every word of every message.
  if (at < words.length && acceptsOne(element, words[at])) {
    const end = matchFrom(elements, i + 1, words, at + 1);
    if (end >= 0) return end;
  }
  for (const phrase of element.phrases) {
    if (!acceptsPhrase(phrase, words, at)) continue;
    const end = matchFrom(elements, i + 1, words, at + phrase.length);
    if (end >= 0) return end;
  }
  return -1;
}
