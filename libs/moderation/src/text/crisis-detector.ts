import { CRISIS_PHRASES, NEGATIONS, SAFE_CONTEXTS, type CrisisCategory } from './crisis-phrases.js';
import { occurrences, sameWord, tokenize } from './tokens.js';

/** How many words before a phrase a negation is looked for. */
const NEGATION_WINDOW = 3;

// Longest first, so that the most specific phrase names the category ("my baby would be better off without me").
const PHRASES = Object.entries(CRISIS_PHRASES)
  .flatMap(([category, phrases]) =>
    phrases.map((phrase) => ({ category: category as CrisisCategory, tokens: tokenize(phrase) })),
  )
  .sort((a, b) => b.tokens.length - a.tokens.length);
const SAFE = SAFE_CONTEXTS.map(tokenize);

export interface CrisisFinding {
  category: CrisisCategory;
  phrase: string;
}

/**
 * Finds expressions of suicidal intent, self-harm, or harm to a baby or others. A phrase is set aside when a
 * negation stands within three words before it ("I'm not going to hurt myself"), unless the phrase carries its
 * own negation ("I don't want to live"), and when it is part of a help context ("suicide prevention line").
 */
export function detectCrisis(text: string): CrisisFinding | null {
  const tokens = tokenize(text);
  const safe = new Set<number>();
  for (const context of SAFE) {
    for (const at of occurrences(tokens, context)) for (let i = 0; i < context.length; i++) safe.add(at + i);
  }
  for (const { category, tokens: phrase } of PHRASES) {
    const ownNegation = phrase.some((word) => NEGATIONS.includes(word));
    for (const at of occurrences(tokens, phrase)) {
      if (safe.has(at)) continue;
      const before = tokens.slice(Math.max(0, at - NEGATION_WINDOW), at);
      if (!ownNegation && before.some((word) => NEGATIONS.some((negation) => sameWord(word, negation))))
        continue;
      return { category, phrase: phrase.join(' ') };
    }
  }
  return null;
}
