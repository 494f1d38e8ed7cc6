import { createRequire } from 'node:module';

import { tokenize } from '../text/tokens.js';
import { grammarVocabulary } from './frames.js';
import { EVERYDAY } from './lexicon.js';
import { learnSpellings, read } from './reading.js';
import { REAL_WORDS } from './real-words.generated.js';

/**
 * The real words (of the two word-list packages, development dependencies only) that the reading's spelling
 * correction would change were it not told they are words: what real-words.generated.ts must hold. Used by
 * scripts/real-words.ts to write that file and by its unit test to check it is current. Leaves the reading as it
 * found it.
 */
export function realWordsCorrected(): string[] {
  const require = createRequire(import.meta.url);
  const spanish = require('an-array-of-spanish-words') as string[];
  const lists = [require('an-array-of-english-words') as string[], spanish, withPronouns(spanish)];
  const vocabulary = grammarVocabulary();
  learnSpellings(vocabulary, EVERYDAY);
  const changed = new Set<string>();
  try {
    for (const list of lists)
      for (const entry of list) {
        const words = tokenize(entry);
        if (words.length !== 1 || words[0].length < 6) continue;
        if (read(words[0]).words.join(' ') !== words[0]) changed.add(words[0]);
      }
  } finally {
    learnSpellings(vocabulary, [...EVERYDAY, ...REAL_WORDS]);
  }
  return [...changed].sort();
}

const PRONOUNS = ['me', 'te', 'se', 'le', 'les', 'lo', 'la', 'los', 'las', 'nos'];

/**
 * Spanish infinitives and gerunds with a pronoun joined on ("cortarse", "matarte", "contarme", "despidiéndose"),
 * which the word list does not hold: read as misspellings, someone else's act became one's own ("cortarse" →
 * "cortarme") and telling became cutting ("contarme" → "cortarme").
 */
function withPronouns(words: string[]): string[] {
  const stems = words.filter((word) => /(?:ar|er|ir|ando|iendo|yendo)$/.test(word));
  return stems.flatMap((stem) => PRONOUNS.map((pronoun) => stem + pronoun));
}
