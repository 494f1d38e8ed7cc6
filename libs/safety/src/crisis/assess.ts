import type { CrisisAssessment } from './assessment.js';
import { detectCrisis } from './crisis-detector.js';

/** Reads a text for crisis: null when there is none. */
export function assessCrisis(text: string): CrisisAssessment | null {
  const finding = detectCrisis(text);
  return finding ? { tier: 'urgent', category: finding.category, language: 'en', intrusive: false } : null;
}
