import { francAll } from 'franc-min';

import type { SafetyLanguage } from './assessment.js';

const CODES: Record<string, SafetyLanguage> = { eng: 'en', spa: 'es' };

/**
 * Which of Hearth's crisis languages a text is written in, by franc's trigram model (shipped in its package).
 * Only English and Spanish are weighed; a text franc cannot tell (too short, or as much of one as the other)
 * is read as English, the instance's default.
 */
export function languageOf(text: string): SafetyLanguage {
  const [best] = francAll(text, { only: ['eng', 'spa'], minLength: 1 });
  return CODES[best[0]] ?? 'en';
}
