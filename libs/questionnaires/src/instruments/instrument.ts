/** The questionnaires Hearth knows. */
export const INSTRUMENT_IDS = ['phq9', 'gad7', 'epds'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];
export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

/** A severity band: scores from `min` to `max` inclusive, what the score suggests and whom to talk to. */
export interface Band {
  id: string;
  min: number;
  max: number;
  label: Record<Language, string>;
  /** Never a diagnosis: what a score in this band suggests, and a next step. */
  suggests: Record<Language, string>;
}

/** The words of an instrument in one language. */
export interface Wording {
  title: string;
  instructions: string;
  /** One per item, in order. */
  items: string[];
  /** Per item, the answer options in printed order (the same four for every item of PHQ-9 and GAD-7). */
  options: string[][];
}

export interface Instrument {
  id: InstrumentId;
  name: string;
  /** LOINC codes: the panel (the questionnaire) and its total score; per item where LOINC has them. */
  loinc: { panel: string; total: string; items: (string | null)[] };
  /** Per item, the score of each answer option in printed order (the EPDS reverses most of its items). */
  scoring: number[][];
  maxScore: number;
  bands: Band[];
  /** The item (0-based) that asks about self-harm, and the tier each answer implies (null: none). */
  safetyItem: { index: number; tierByScore: (null | 'concern' | 'urgent')[] };
  /** A clinically meaningful improvement: a drop of at least `responseDrop` of the first score… */
  responseDrop: number;
  /** …and remission: a score below this. */
  remissionBelow: number;
  /** A change between two scores at least this large is more than noise (shown as better or worse). */
  meaningfulChange: number;
  /** How long back the questions look, in days (shown with the chart). */
  lookbackDays: number;
  /** Built-in words (free instruments); null: installed by an admin under the clinic's licence. */
  wording: Record<Language, Wording> | null;
  /** The standard attribution, in each language the client speaks. */
  attribution: Record<'en' | 'es', string>;
}

export interface Scored {
  score: number;
  band: Band;
  /** The self-harm item's score, and the tier it implies (null when it was answered 0). */
  safety: { itemScore: number; tier: 'concern' | 'urgent' | null };
}

/**
 * Scores a completed questionnaire: `answers` are the chosen options' positions, one per item. Answers out of
 * range are refused by the caller (see `answerProblem`); here they are assumed valid.
 */
export function score(instrument: Instrument, answers: number[]): Scored {
  const total = answers.reduce((sum, position, item) => sum + instrument.scoring[item][position], 0);
  const band = bandOf(instrument, total);
  const itemScore = instrument.scoring[instrument.safetyItem.index][answers[instrument.safetyItem.index]];
  return { score: total, band, safety: { itemScore, tier: instrument.safetyItem.tierByScore[itemScore] } };
}

export function bandOf(instrument: Instrument, total: number): Band {
  const band = instrument.bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new RangeError(`score ${total} is outside ${instrument.id}'s bands`);
  return band;
}

/** Why a set of answers cannot be scored, or null when it can. */
export function answerProblem(instrument: Instrument, answers: unknown): string | null {
  const count = instrument.scoring.length;
  if (!Array.isArray(answers) || answers.length !== count)
    return `answers must hold one choice for each of the ${count} questions`;
  const bad = answers.findIndex(
    (a, item) =>
      !Number.isInteger(a) || (a as number) < 0 || (a as number) >= instrument.scoring[item].length,
  );
  return bad === -1
    ? null
    : `answer ${bad + 1} must be one of the options (0 to ${instrument.scoring[bad].length - 1})`;
}

/** Change since the first score: a response (a big enough drop) and remission (under the threshold). */
export function progress(instrument: Instrument, first: number, latest: number) {
  const change = latest - first;
  return {
    change,
    response: first > 0 && (first - latest) / first >= instrument.responseDrop,
    remission: latest < instrument.remissionBelow,
  };
}

/**
 * Answer positions that score `total`, filling the items from the first and leaving the self-harm item at
 * `safety` (for fixtures and tests: a known score without writing out each answer).
 */
export function answersScoring(instrument: Instrument, total: number, safety = 0): number[] {
  const positionOf = (item: number, value: number) => instrument.scoring[item].indexOf(value);
  const hasSafetyItem = instrument.safetyItem.tierByScore.some(Boolean);
  let left = total - (hasSafetyItem ? safety : 0);
  return instrument.scoring.map((_, item) => {
    if (hasSafetyItem && item === instrument.safetyItem.index) return positionOf(item, safety);
    const value = Math.min(3, left);
    left -= value;
    return positionOf(item, value);
  });
}
