import { CRISIS_PHRASES, NEGATIONS, SAFE_CONTEXTS, type CrisisCategory } from './crisis-phrases.js';
import { PhraseIndex, sameWord, tokenize } from '../text/tokens.js';

/** How many words before a phrase a negation is looked for. */
const NEGATION_WINDOW = 3;

// Longest first, so that the most specific phrase names the category ("my baby would be better off without me").
const PHRASES = new PhraseIndex(
  Object.entries(CRISIS_PHRASES)
    .flatMap(([category, phrases]) =>
      phrases.map((phrase) => {
        const tokens = tokenize(phrase);
        const ownNegation = tokens.some((word) => NEGATIONS.includes(word));
        return { category: category as CrisisCategory, tokens, ownNegation };
      }),
    )
    .sort((a, b) => b.tokens.length - a.tokens.length),
);
const SAFE = new PhraseIndex(SAFE_CONTEXTS.map((context) => ({ tokens: tokenize(context) })));

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
  for (const { at, entry } of SAFE.matches(tokens))
    for (let i = 0; i < entry.tokens.length; i++) safe.add(at + i);
  let best: { rank: number; category: CrisisCategory; tokens: readonly string[] } | null = null;
  for (const { at, rank, entry } of PHRASES.matches(tokens)) {
    if ((best && rank >= best.rank) || safe.has(at)) continue;
    const before = tokens.slice(Math.max(0, at - NEGATION_WINDOW), at);
    if (!entry.ownNegation && before.some((word) => NEGATIONS.some((negation) => sameWord(word, negation))))
      continue;
    best = { rank, category: entry.category, tokens: entry.tokens };
  }
  return best ? { category: best.category, phrase: best.tokens.join(' ') } : null;
}
