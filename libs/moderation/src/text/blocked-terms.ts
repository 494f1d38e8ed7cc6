import { occurrences, tokenize } from '@hearth/safety';

export const TERM_ACTIONS = ['block', 'hold', 'flag'] as const;
export type TermAction = (typeof TERM_ACTIONS)[number];

export interface CompiledTerm {
  term: string;
  tokens: string[];
  action: TermAction;
}

export function compileTerm(term: string, action: TermAction): CompiledTerm {
  return { term, tokens: tokenize(term), action };
}

/** The terms found in a text, matched as whole words after folding (see tokenize). */
export function findTerms(text: string, terms: readonly CompiledTerm[]): CompiledTerm[] {
  const tokens = tokenize(text);
  return terms.filter((term) => occurrences(tokens, term.tokens).length > 0);
}

/** The strongest action among matches: block over hold over flag. */
export function strongest(matches: readonly CompiledTerm[]): TermAction | null {
  for (const action of TERM_ACTIONS) if (matches.some((m) => m.action === action)) return action;
  return null;
}
