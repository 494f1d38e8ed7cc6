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

/** How many words an element takes from `at` on, for each way it matches (none: it does not). */
function* accepts(
  element: Element & { kind: 'word' },
  words: readonly string[],
  at: number,
): Generator<number> {
  if (at < words.length) {
    const word = words[at];
    if (element.exact.has(word) || element.prefixes.some((prefix) => word.startsWith(prefix))) yield 1;
  }
  for (const phrase of element.phrases)
    if (at + phrase.length <= words.length && phrase.every((w, i) => acceptsWord(words[at + i], w)))
      yield phrase.length;
}

/** The key a word is filed under: its first two letters (every prefix in a pattern has at least two). */
const keyOf = (word: string) => word.slice(0, 2);

export class PatternSet<T> {
  private readonly byKey = new Map<string, Pattern<T>[]>();

  constructor(patterns: readonly Pattern<T>[]) {
    for (const pattern of patterns) {
      const first = pattern.elements[0] as Element & { kind: 'word' };
      const keys = new Set([...first.exact, ...first.prefixes, ...first.phrases.map((p) => p[0])].map(keyOf));
      for (const key of keys) {
        if (key.length < 2 && first.prefixes.some((prefix) => prefix.length < 2))
          throw new Error(`A prefix has at least two letters: "${pattern.source}"`);
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), pattern]);
      }
    }
  }

  /** Every match, in text order; each pattern at most once per start, with its shortest extent. */
  matches(words: readonly string[]): Match<T>[] {
    const found: Match<T>[] = [];
    for (let start = 0; start < words.length; start++) {
      const candidates = this.byKey.get(keyOf(words[start]));
      if (!candidates) continue;
      for (const pattern of candidates) {
        const end = matchFrom(pattern.elements, 0, words, start);
        if (end >= 0) found.push({ start, end, pattern });
      }
    }
    return found;
  }

  /** Every word the set knows by its full spelling (for spelling correction). */
  vocabulary(): string[] {
    const words: string[] = [];
    for (const patterns of this.byKey.values())
      for (const pattern of patterns)
        for (const element of pattern.elements)
          if (element.kind === 'word') words.push(...element.exact, ...element.phrases.flat());
    return words;
  }
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
  for (const taken of accepts(element, words, at)) {
    const end = matchFrom(elements, i + 1, words, at + taken);
    if (end >= 0) return end;
  }
  return -1;
}
