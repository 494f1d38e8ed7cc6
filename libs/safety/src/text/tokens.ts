/**
 * Text folded for matching: accents and case removed, common look-alike characters read as letters, split into
 * words. Runs of three or more single letters are joined ("s h i t", "s.h.i.t" → "shit"), and a word with a
 * letter stretched three or more times matches its plain form ("diiie" → "die"), so simple spacing and
 * punctuation tricks do not hide a word, while words are still compared whole ("class" never contains "ass").
 */
const LOOKALIKES: Record<string, string> = {
  '@': 'a',
  $: 's',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
};

/** Any of the look-alike characters (none of them is special inside a character class). */
const HAS_LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`);

/** Text with nothing beyond ASCII needs no Unicode folding (most chat messages): a shortcut for the hot path. */
const BEYOND_ASCII = /[^\p{ASCII}]/u;

export function tokenize(text: string): string[] {
  const plain = BEYOND_ASCII.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text;
  const folded = plain.toLowerCase().replace(/['’`]/g, '');
  // One pass and one array: this runs on every message.
  const words: string[] = [];
  for (const raw of folded.split(/[^\p{L}\p{N}@$]+/u)) {
    if (!raw) continue;
    const word =
      HAS_LOOKALIKE.test(raw) && (/\p{L}/u.test(raw) || /[@$]/.test(raw)) && !isNumberOrCode(raw)
        ? [...raw].map((c) => LOOKALIKES[c] ?? c).join('')
        : raw;
    if (hasLetterOrDigit(word)) words.push(word);
  }
  return joinSpelledOut(words);
}

/** Whether a word is a number with a short unit or ordinal: "3am", "10mg", "2nd", "5k". */
export function isNumberWithUnit(word: string): boolean {
  return NUMBER_WITH_UNIT.test(word);
}
const NUMBER_WITH_UNIT = /^\d+[a-z]{1,3}$/;

/**
 * Whether a word's digits are digits, not letters in disguise: a number with a short unit or ordinal ("1am" is
 * not "iam", "50mg" not "somg"), or a code of five characters or more (an id, a reference, a hash): more digits
 * than letters, only hexadecimal letters, or a digit no letter hides behind (2, 6, 8, 9). "22119a5e" and
 * "5a4e05fc" are no words; short look-alike spellings still are ("k1ll", "a55", "su1c1de").
 */
function isNumberOrCode(word: string): boolean {
  if (isNumberWithUnit(word)) return true;
  if (word.length < 5) return false;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit >= 0x30 && unit <= 0x39) digits++;
  }
  return digits * 2 > word.length || HEXADECIMAL.test(word) || /[2689]/.test(word);
}
const HEXADECIMAL = /^[0-9a-f]+$/;

/** Whether a word holds an ASCII digit. A plain loop: it runs for every word of every message. */
export function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit >= 0x30 && unit <= 0x39) return true;
  }
  return false;
}

/** Whether a word holds a letter or a digit; most start with a plain one, which answers at once. */
function hasLetterOrDigit(word: string): boolean {
  const first = word.charCodeAt(0);
  if ((first >= 0x61 && first <= 0x7a) || (first >= 0x30 && first <= 0x39)) return true;
  return /\p{L}|\p{N}/u.test(word);
}

/** Whether a word is one letter. A code point is at most two UTF-16 units, so longer words answer at once. */
function isOneLetter(word: string): boolean {
  return word.length <= 2 && [...word].length === 1 && /\p{L}/u.test(word);
}

function joinSpelledOut(words: string[]): string[] {
  const result: string[] = [];
  // How many one-letter words end just before `i`: three or more are joined, fewer kept as they are.
  let run = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && isOneLetter(words[i])) {
      run++;
      continue;
    }
    if (run >= 3) result.push(words.slice(i - run, i).join(''));
    else for (let k = i - run; k < i; k++) result.push(words[k]);
    run = 0;
    if (i < words.length) result.push(words[i]);
  }
  return result;
}

/** Each run of one letter becomes one letter ("diiie" → "die"). A plain loop: it runs for every word. */
function squeeze(word: string): string {
  let result = '';
  let last = '';
  for (const letter of word) {
    if (letter !== last) result += letter;
    last = letter;
  }
  return result;
}

/** Whether a letter repeats three times in a row. A plain loop: this runs for every word of every message. */
function isStretched(word: string): boolean {
  let last = '';
  let before = '';
  for (const letter of word) {
    if (letter === last && letter === before) return true;
    before = last;
    last = letter;
  }
  return false;
}

/** A word matches itself, and a stretched spelling of itself ("sooo" for "so", "aaasss" for "ass"). */
export function sameWord(written: string, word: string): boolean {
  return written === word || (isStretched(written) && squeeze(written) === squeeze(word));
}

/** Whether the words of `needle` stand in `haystack` from position `at` on. */
function matchesAt(haystack: readonly string[], at: number, needle: readonly string[]): boolean {
  if (at + needle.length > haystack.length) return false;
  for (let j = 0; j < needle.length; j++) if (!sameWord(haystack[at + j], needle[j])) return false;
  return true;
}

/**
 * Many phrases, indexed by their first word (squeezed, so stretched spellings find it too): a text is read once,
 * whatever the number of phrases, instead of once per phrase.
 */
export class PhraseIndex<T extends { tokens: readonly string[] }> {
  private readonly byFirstWord = new Map<string, { rank: number; entry: T }[]>();

  /** `rank` is an entry's place in `entries`. */
  constructor(entries: readonly T[]) {
    entries.forEach((entry, rank) => {
      if (entry.tokens.length === 0) return;
      const key = squeeze(entry.tokens[0]);
      this.byFirstWord.set(key, [...(this.byFirstWord.get(key) ?? []), { rank, entry }]);
    });
  }

  /** Every place where an entry occurs in `tokens`, as whole words, in text order. */
  matches(tokens: readonly string[]): { at: number; rank: number; entry: T }[] {
    const found: { at: number; rank: number; entry: T }[] = [];
    tokens.forEach((token, at) => {
      for (const candidate of this.byFirstWord.get(squeeze(token)) ?? []) {
        if (matchesAt(tokens, at, candidate.entry.tokens)) found.push({ at, ...candidate });
      }
    });
    return found;
  }
}

/** Where the token sequence `needle` occurs in `haystack`, as whole words. */
export function occurrences(haystack: readonly string[], needle: readonly string[]): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let i = 0; i + needle.length <= haystack.length; i++)
    if (matchesAt(haystack, i, needle)) found.push(i);
  return found;
}

/** Links anywhere in a text: a scheme, or something that looks like a domain. */
export function containsLink(text: string): boolean {
  return /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]{2,}\.(?:com|org|net|io|me|co|app|link|ly|gg|info|biz|xyz|ru|de|uk)\b/i.test(
    text,
  );
}
