export * from './crisis/assessment.js';
export { assessCrisis } from './crisis/assess.js';
export { containsLink, occurrences, PhraseIndex, sameWord, tokenize } from './text/tokens.js';
