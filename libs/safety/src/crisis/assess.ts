import type { CrisisAssessment } from './assessment.js';
import { findCrisis } from './frames.js';
import { languageOf } from './language.js';

/**
 * Reads a text for crisis (frames.ts): null when there is none. Only labels come back, never the words that
 * matched, so that nothing of what was written travels further than the text itself.
 */
export function assessCrisis(text: string): CrisisAssessment | null {
  const finding = findCrisis(text);
  if (!finding) return null;
  return {
    tier: finding.tier,
    category: finding.category,
    intrusive: finding.intrusive,
    language: languageOf(text),
  };
}
