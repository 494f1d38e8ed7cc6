import {
  CORPUS_PARTS,
  DEVELOPMENT_PARTS,
  evaluateCorpus,
  formatReport,
  loadCorpus,
  type CorpusLine,
} from './evaluation.js';

/**
 * The detector against its corpus (docs/crisis-detection.md). The development part is what the grammar was
 * written against; the held-out part was written separately and is never read to tune it: its figures are the
 * honest ones, and their floors below are what CI holds the detector to (raise them as the detector improves,
 * never lower them to pass).
 */
// Regression floors a little under what the held-out parts measure now (docs/crisis-detection.md), and at or over
// the targets (recall 0.90, urgent 0.95, precision 0.85, in each language).
// They were lowered once, when held-out-4 (a fresh voice, recall 0.57) joined: the figures fell because the
// measure got harder. Raised on 3 December 2026 with development-15, and again the same day with development-16
// to -22 and a model fitted with Adam (seven held-out parts, 2,487 sentences: precision 0.854, recall 0.909,
// urgent 0.915; English 0.861 / 0.907, Spanish 0.843 / 0.912). Urgent raised again with development-23 to -25
// (eight held-out parts, 2,986 sentences: 0.856 / 0.913, urgent 0.922; English 0.864 / 0.919, Spanish 0.845 /
// 0.905). Raised with the doubtful-context veto and development-26 to -36 (ten held-out parts, 3,886 sentences:
// 0.896 / 0.923, urgent 0.940; English 0.903 / 0.927, Spanish 0.887 / 0.917). Raised with the real-words list
// of the spelling correction and development-37 to -45 (twelve held-out parts, 4,672 sentences: 0.912 / 0.930,
// urgent 0.943; English 0.910 / 0.933, Spanish 0.915 / 0.927). Raised on 4 December 2026 with numbers and codes
// read as such and development-46 to -52 (fourteen held-out parts, 5,479 sentences: 0.911 / 0.932, urgent
// 0.947; English 0.908 / 0.932, Spanish 0.916 / 0.932). Raised in the second session of 4 December 2026 with
// feature dropout in training and development-53 to -61 (seventeen held-out parts, 6,615 sentences: 0.915 /
// 0.945, urgent 0.955; English 0.915 / 0.946, urgent 0.956; Spanish 0.916 / 0.944, urgent 0.955): every floor is
// now at or over the target, urgent recall in each language included.
const HELD_OUT_FLOOR = {
  recall: 0.94,
  precision: 0.91,
  urgentRecall: 0.95,
  byLanguage: { recall: 0.94, precision: 0.91, urgentRecall: 0.95 },
};

/** At most this share of ordinary, held-out chat may alarm (a ceiling over today's 7 of 396, 1.8 %). */
const CHATTER_ALARM_CEILING = 0.05;

const CATEGORIES = ['suicide', 'self_harm', 'harm_to_baby', 'harm_to_others', null];
const CRISIS_KINDS = [
  'plan_timing',
  'means',
  'self_harm',
  'farewell',
  'passive_burden',
  'harm_baby',
  'harm_others',
];
const EVERYDAY_KINDS = [
  'clinician_question',
  'media',
  'awareness',
  'past_resolved',
  'hyperbole',
  'negated',
  'other_person',
  'everyday',
];

function wellFormed(line: CorpusLine): boolean {
  return (
    typeof line.text === 'string' &&
    line.text.trim().length > 0 &&
    CATEGORIES.includes(line.category) &&
    (line.crisis
      ? line.category !== null && (line.tier === 'urgent' || line.tier === 'concern')
      : line.category === null && line.tier === null) &&
    (line.lang === 'en' || line.lang === 'es')
  );
}

describe('crisis corpus', () => {
  const development = DEVELOPMENT_PARTS.flatMap((part) => loadCorpus(part));
  const heldOut = CORPUS_PARTS.filter((part) => part.startsWith('held-out')).flatMap((part) =>
    loadCorpus(part),
  );
  const chatter = loadCorpus('chatter-held-out');

  it('is large, varied, labelled, and its two parts share no sentence', () => {
    const all = [...development, ...heldOut];
    expect(all.length).toBeGreaterThanOrEqual(600);
    expect(all.filter((line) => !wellFormed(line))).toEqual([]);
    for (const part of [development, heldOut]) {
      for (const kind of [...CRISIS_KINDS, ...EVERYDAY_KINDS])
        for (const lang of ['en', 'es'])
          expect(part.some((line) => line.kind === kind && line.lang === lang)).toBe(true);
    }
    const seen = new Set(development.map((line) => line.text.toLowerCase()));
    expect(heldOut.filter((line) => seen.has(line.text.toLowerCase()))).toEqual([]);
    expect(chatter.filter((line) => !wellFormed(line) || line.crisis)).toEqual([]);
    expect(chatter.filter((line) => seen.has(line.text.toLowerCase()))).toEqual([]);
  });

  it('development part: what the grammar was written against', () => {
    const report = evaluateCorpus(development);
    console.log(formatReport('development', report, { listMisses: false }));
    // The model was trained on these and the grammar written against the first two: high figures here say only
    // that both learnt what they were shown.
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.8);
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('held-out part: never tuned against, held to its floors', () => {
    const report = evaluateCorpus(heldOut);
    console.log(formatReport('held-out', report, { listMisses: false }));
    expect(report.overall.recall).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.recall);
    expect(report.overall.precision).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.precision);
    expect(report.byTier.urgent.recall).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.urgentRecall);
    // Every category is in the held-out part and is caught at all (the per-category figures are printed above).
    for (const category of ['suicide', 'self_harm', 'harm_to_baby', 'harm_to_others'])
      expect(report.byCategory[category].caught).toBeGreaterThan(0);
    for (const language of ['en', 'es']) {
      expect(report.byLanguage[language].recall).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.byLanguage.recall);
      expect(report.byLanguage[language].precision).toBeGreaterThanOrEqual(
        HELD_OUT_FLOOR.byLanguage.precision,
      );
      expect(report.byLanguageTier[language].urgent.recall).toBeGreaterThanOrEqual(
        HELD_OUT_FLOOR.byLanguage.urgentRecall,
      );
    }
  });

  it('ordinary chat, held out: alarms on few of the messages members mostly write', () => {
    const { overall } = evaluateCorpus(chatter);
    const alarms = overall.falsePositives / chatter.length;
    console.log(`ordinary chat held out: ${overall.falsePositives} alarms in ${chatter.length} messages`);
    expect(chatter.length).toBeGreaterThanOrEqual(300);
    expect(alarms).toBeLessThanOrEqual(CHATTER_ALARM_CEILING);
  });
});
