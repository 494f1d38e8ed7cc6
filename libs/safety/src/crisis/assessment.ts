/** What a crisis detector reads in a text. Only these labels ever leave it: never the words that matched. */
export type CrisisCategory = 'suicide' | 'self_harm' | 'harm_to_baby' | 'harm_to_others';

/**
 * `urgent`: intent, a plan, means, timing, an act in progress or just done, psychotic content about the baby.
 * `concern`: passive ideation, burden, hopelessness, unacted urges, intrusive thoughts the writer finds frightening.
 */
export type CrisisTier = 'urgent' | 'concern';

/** The languages Hearth reads and answers crisis in. */
export type SafetyLanguage = 'en' | 'es';

export interface CrisisAssessment {
  tier: CrisisTier;
  category: CrisisCategory;
  /** The language the text is written in, so that the writer gets resources she can read. */
  language: SafetyLanguage;
  /** True for intrusive thoughts of harm the writer finds frightening: they get their own gentle wording. */
  intrusive: boolean;
}
