import type { CrisisCategory, CrisisTier } from './assessment.js';
import { CONTEXTS, CUES, EVERYDAY, type Context, type Cue } from './lexicon.js';
import { compile, PatternSet, type Match } from './patterns.js';
import { learnSpellings, read, type Reading } from './reading.js';
import { REAL_WORDS } from './real-words.generated.js';

type Tagged = { kind: 'cue'; cue: Cue } | { kind: 'context'; context: Context };

const GRAMMAR = new PatternSet<Tagged>([
  ...Object.entries(CUES).flatMap(([cue, patterns]) =>
    patterns.map((pattern) => compile<Tagged>(pattern, { kind: 'cue', cue: cue as Cue })),
  ),
  ...Object.entries(CONTEXTS).flatMap(([context, patterns]) =>
    patterns.map((pattern) => compile<Tagged>(pattern, { kind: 'context', context: context as Context })),
  ),
]);
learnSpellings(GRAMMAR.vocabulary(), [...EVERYDAY, ...REAL_WORDS]);

/** The words the grammar knows (scripts/real-words.ts reads them). */
export function grammarVocabulary(): string[] {
  return GRAMMAR.vocabulary();
}

const NEGATORS = new Set(['not', 'no', 'never', 'nunca', 'jamas', 'nobody', 'ni', 'nor']);
/** How many words before a cue a negation still turns it around (within its clause). */
export const NEGATION_REACH = 4;

/**
 * Verbs that a negation turns into the opposite of a denial: "can't stop thinking about it", "can't help
 * thinking", "can't shake the feeling", "no dejo de pensar", "no puedo parar de". What follows them stands.
 */
const UNSTOPPABLE = new Set(['stop', 'quit', 'help', 'shake', 'resist', 'dejar', 'dejo', 'parar', 'paro']);
/** A modal that may stand between the negation and such a verb ("no puedo dejar de", "i could never stop"). */
const MODALS = new Set(['puedo', 'podia', 'pude', 'logro', 'can', 'could']);

/**
 * Whether the word at `i` is a negation that denies what follows it in its clause: a negator, unless it only
 * says that something will not stop ("i can not stop thinking about suicide" is no denial).
 */
export function negatesAt(reading: Reading, i: number): boolean {
  if (!NEGATORS.has(reading.words[i])) return false;
  const next = reading.words[i + 1];
  if (next === undefined || reading.clause[i + 1] !== reading.clause[i]) return true;
  if (UNSTOPPABLE.has(next)) return false;
  return !(
    MODALS.has(next) &&
    UNSTOPPABLE.has(reading.words[i + 2]) &&
    reading.clause[i + 2] === reading.clause[i]
  );
}

/**
 * How much each cue weighs towards each kind of crisis. A text is a crisis of a kind when the weights of the
 * distinct cues it holds reach 1: the strongest cues reach it alone, weaker ones only together (a means with a
 * gathering, a departure with a time). Written by hand from the kinds of crisis clinicians describe, then
 * checked against the development corpus only (docs/crisis-detection.md).
 */
const WEIGHTS: Record<CrisisCategory, Partial<Record<Cue, number>>> = {
  suicide: {
    kill_self: 1,
    wish_dead: 1,
    passive: 1,
    burden: 1,
    hopeless: 1,
    farewell: 1,
    taken: 0.7,
    weary: 0.55,
    departure: 0.7,
    means: 0.55,
    gather: 0.5,
    obtain: 0.25,
    timing: 0.35,
    decided: 0.5,
    farewell_hint: 0.45,
    again: 0.1,
  },
  self_harm: { harm_self: 1, harm_urge: 1, wound: 0.5, urge: 0.4, again: 0.15 },
  harm_to_baby: {
    harm_baby_act: 1,
    harm_baby: 0.55,
    psychotic: 0.7,
    baby: 0.3,
    intrusive: 0.35,
    fear_self: 0.35,
    intent: 0.3,
    urge: 0.3,
    means: 0.2,
    timing: 0.1,
  },
  harm_to_others: {
    harm_other: 0.7,
    intent: 0.3,
    timing: 0.2,
    means: 0.2,
    decided: 0.2,
    gather: 0.3,
    intrusive: 0.2,
    urge: 0.3,
  },
};

/** Weights add up to 1 for a crisis (less a hair, for sums such as 0.7 + 0.3 in floating point). */
const THRESHOLD = 0.999;

/** Cues that make a crisis urgent: intent, a plan, means, timing, an act done. */
const URGENT: Record<CrisisCategory, Cue[]> = {
  suicide: ['kill_self', 'taken', 'farewell', 'gather', 'timing', 'decided', 'means', 'departure'],
  self_harm: ['harm_self'],
  harm_to_baby: ['psychotic', 'intent', 'harm_baby_act'],
  harm_to_others: ['intent', 'timing', 'decided', 'means'],
};

/** Contexts that make crisis words something else: each lowers the score by this factor. */
const DAMPING: Partial<Record<Context, number>> = {
  media: 0.45,
  awareness: 0.35,
  safe: 0.55,
  laughter: 0.75,
};

export interface Finding {
  category: CrisisCategory;
  tier: CrisisTier;
  intrusive: boolean;
  score: number;
}

export function findCrisis(text: string): Finding | null {
  return judge(analyse(read(text)));
}

/**
 * Contexts in which crisis words are often something else: someone else's story, a question, the past, a film,
 * a campaign, a joke, an idiom. The grammar damps some of them; when it still finds a crisis beside one, the
 * model, which weighs the whole text, may overrule it (assess.ts).
 */
const DOUBTFUL: readonly Context[] = [
  'reported_question',
  'question',
  'answered_no',
  'media',
  'awareness',
  'past',
  'resolved',
  'third_person',
  'safe',
  'idiom',
  'laughter',
];

/** Whether the grammar read a context that may make its finding something else (DOUBTFUL). */
export function doubtful({ contexts }: Analysis): boolean {
  return DOUBTFUL.some((context) => contexts.has(context));
}

/** What the grammar read in a text: its words, the cues that stand (not negated, not someone else's), contexts. */
export interface Analysis {
  reading: Reading;
  cues: Map<Cue, number>;
  contexts: Set<Context>;
}

export function analyse(reading: Reading): Analysis {
  const matches = GRAMMAR.matches(reading.words);
  const contexts = new Set<Context>();
  const idiomWords = new Set<number>();
  const thirdPersonFrom = new Map<number, number>();
  for (const match of matches) {
    if (match.pattern.value.kind !== 'context') continue;
    const context = match.pattern.value.context;
    contexts.add(context);
    if (context === 'idiom') for (let i = match.start; i < match.end; i++) idiomWords.add(i);
    if (context === 'third_person' || context === 'reported_question') {
      const clause = reading.clause[match.start];
      thirdPersonFrom.set(clause, Math.min(thirdPersonFrom.get(clause) ?? Infinity, match.start));
    }
  }
  const cues = new Map<Cue, number>();
  for (const match of matches) {
    if (match.pattern.value.kind !== 'cue') continue;
    if (overlaps(match, idiomWords) || negated(match, reading)) continue;
    const clause = reading.clause[match.start];
    if ((thirdPersonFrom.get(clause) ?? Infinity) < match.start) continue;
    const cue = match.pattern.value.cue;
    cues.set(cue, (cues.get(cue) ?? 0) + 1);
  }
  return { reading, cues, contexts };
}

/** The grammar's verdict: the category whose cues weigh the most, if they reach the threshold. */
export function judge({ cues, contexts }: Analysis): Finding | null {
  if (cues.size === 0) return null;

  let damping = 1;
  for (const [context, factor] of Object.entries(DAMPING))
    if (contexts.has(context as Context)) damping *= factor;
  if (contexts.has('question') && contexts.has('answered_no')) damping *= 0.3;
  if (contexts.has('past') && contexts.has('resolved') && !cues.has('again')) damping *= 0.3;

  let best: Finding | null = null;
  for (const category of Object.keys(WEIGHTS) as CrisisCategory[]) {
    const score = scoreOf(category, cues) * damping;
    if (score >= THRESHOLD && (!best || score > best.score)) {
      best = { category, score, tier: tierOf(category, cues), intrusive: false };
    }
  }
  if (!best) return null;
  if (best.category === 'harm_to_baby') {
    best.intrusive = best.tier === 'concern' && (cues.has('intrusive') || cues.has('fear_self'));
  }
  return best;
}

/**
 * What the grammar says about a text the model found to be a crisis: the category whose cues weigh most (suicide
 * when none does), whether a cue of an act or of certainty makes it urgent whatever the tier model says, and
 * whether it reads as intrusive thoughts the writer fears.
 */
export function describe({ cues }: Analysis): {
  category: CrisisCategory;
  urgentSign: boolean;
  intrusive: boolean;
} {
  let category: CrisisCategory = 'suicide';
  let best = 0;
  for (const candidate of Object.keys(WEIGHTS) as CrisisCategory[]) {
    const score = scoreOf(candidate, cues);
    if (score > best) [category, best] = [candidate, score];
  }
  const urgentSign = URGENT_SIGNS.some((cue) => cues.has(cue));
  const intrusive =
    category === 'harm_to_baby' &&
    !urgentSign &&
    !cues.has('intent') &&
    (cues.has('intrusive') || cues.has('fear_self'));
  return { category, urgentSign, intrusive };
}

/** Cues of an act done or under way, or of delusion: urgent, whatever else the text says. */
const URGENT_SIGNS: Cue[] = ['taken', 'farewell', 'harm_self', 'psychotic', 'harm_baby_act'];

function scoreOf(category: CrisisCategory, cues: Map<Cue, number>): number {
  const weights = WEIGHTS[category];
  if (category === 'harm_to_baby' && !babyFrame(cues)) return 0;
  if (category === 'harm_to_others' && !cues.has('harm_other')) return 0;
  let score = 0;
  for (const [cue, count] of cues) {
    const weight = weights[cue] ?? 0;
    // A second, different instance of a weak cue counts half ("counted them", "it's enough").
    score += weight < 1 && count > 1 ? weight * 1.5 : weight;
  }
  return score;
}

/** Harm to a baby needs a harm, or delusion about her, or frightening thoughts while with her. */
function babyFrame(cues: Map<Cue, number>): boolean {
  if (cues.has('harm_baby') || cues.has('harm_baby_act')) return true;
  if (cues.has('psychotic')) return cues.has('baby') || cues.has('intent') || cues.get('psychotic')! > 1;
  return cues.has('baby') && cues.has('intrusive') && cues.has('fear_self');
}

function tierOf(category: CrisisCategory, cues: Map<Cue, number>): CrisisTier {
  if (category === 'suicide' && (cues.has('taken') || cues.has('kill_self') || cues.has('farewell')))
    return 'urgent';
  const urgent = URGENT[category].filter((cue) => cues.has(cue)).length;
  if (category === 'suicide')
    return urgent >= 2 || (urgent === 1 && !onlyPassive(cues)) ? 'urgent' : 'concern';
  return urgent >= 1 ? 'urgent' : 'concern';
}

/** Passive ideation with one weak urgent sign ("tonight") stays a concern; with a means it does not. */
function onlyPassive(cues: Map<Cue, number>): boolean {
  return (
    (cues.has('passive') || cues.has('burden') || cues.has('hopeless') || cues.has('wish_dead')) &&
    !cues.has('means')
  );
}

function overlaps(match: Match<Tagged>, words: Set<number>): boolean {
  for (let i = match.start; i < match.end; i++) if (words.has(i)) return true;
  return false;
}

function negated(match: Match<Tagged>, reading: Reading): boolean {
  if (match.pattern.negated) return false;
  const clause = reading.clause[match.start];
  for (let i = match.start - 1; i >= Math.max(0, match.start - NEGATION_REACH); i--) {
    if (reading.clause[i] !== clause) break;
    if (negatesAt(reading, i)) return true;
  }
  return false;
}
