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

export function tokenize(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`]/g, '');
  const raw = folded.split(/[^\p{L}\p{N}@$]+/u).filter(Boolean);
  const words = raw.map((word) =>
    /\p{L}/u.test(word) || /[@$]/.test(word) ? [...word].map((c) => LOOKALIKES[c] ?? c).join('') : word,
  );
  return joinSpelledOut(words.filter((w) => /\p{L}|\p{N}/u.test(w)));
}

function joinSpelledOut(words: string[]): string[] {
  const result: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) result.push(run.join(''));
    else result.push(...run);
    run = [];
  };
  for (const word of words) {
    if ([...word].length === 1 && /\p{L}/u.test(word)) {
      run.push(word);
    } else {
      flush();
      result.push(word);
    }
  }
  flush();
  return result;
}

const squeeze = (word: string) => word.replace(/(.)\1+/gu, '$1');

/** A word matches itself, and a stretched spelling of itself ("sooo" for "so", "aaasss" for "ass"). */
export function sameWord(written: string, word: string): boolean {
  return written === word || (/(.)\1\1/u.test(written) && squeeze(written) === squeeze(word));
}

/** Where the token sequence `needle` occurs in `haystack`, as whole words. */
export function occurrences(haystack: readonly string[], needle: readonly string[]): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    let match = true;
    for (let j = 0; j < needle.length && match; j++) match = sameWord(haystack[i + j], needle[j]);
    if (match) found.push(i);
  }
  return found;
}

/** Links anywhere in a text: a scheme, or something that looks like a domain. */
export function containsLink(text: string): boolean {
  return /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]{2,}\.(?:com|org|net|io|me|co|app|link|ly|gg|info|biz|xyz|ru|de|uk)\b/i.test(
    text,
  );
}
