/**
 * Phrases that suggest someone may be in danger, written for Hearth (see docs/crisis-detection.md). Each is
 * matched as whole words after folding (tokenize), so "I want to d i e" and "wanna diiie" are caught too.
 * The list errs towards care: a false alarm costs a facilitator a look; a miss can cost much more.
 */
import type { CrisisCategory } from './assessment.js';
export type { CrisisCategory };

export const CRISIS_PHRASES: Record<CrisisCategory, string[]> = {
  suicide: [
    'kill myself',
    'killing myself',
    'killed myself',
    'end my life',
    'ending my life',
    'take my own life',
    'take my life',
    'want to die',
    'wanted to die',
    'wanna die',
    'ready to die',
    'going to die tonight',
    'wish i was dead',
    'wish i were dead',
    'better off dead',
    'better off without me',
    'suicide',
    'suicidal',
    'dont want to live',
    'do not want to live',
    'dont want to be alive',
    'dont want to be here anymore',
    'not sure i want to live',
    'no reason to live',
    'nothing to live for',
    'cant go on',
    'can not go on',
    'end it all',
    'not worth living',
    'hang myself',
    'overdose',
    'unalive myself',
    'unalive',
    'disappear forever',
    'never wake up',
  ],
  self_harm: [
    'hurt myself',
    'hurting myself',
    'harm myself',
    'harming myself',
    'cut myself',
    'cutting myself',
    'burn myself',
    'self harm',
    'selfharm',
    'starve myself',
  ],
  harm_to_baby: [
    'hurt my baby',
    'hurt the baby',
    'hurting my baby',
    'harm my baby',
    'harm the baby',
    'harming my baby',
    'shake the baby',
    'shake my baby',
    'shaking the baby',
    'smother the baby',
    'smother my baby',
    'drown the baby',
    'drown my baby',
    'kill my baby',
    'kill the baby',
    'hurt my child',
    'harm my child',
    'kill my child',
    'hurt my kids',
    'baby would be better off without me',
  ],
  harm_to_others: [
    'kill someone',
    'hurt someone',
    'hurt somebody',
    'hurt other people',
    'harm others',
    'kill my husband',
    'kill my partner',
    'kill my wife',
  ],
};

/** Words that, just before a phrase, usually turn it around: "I would never hurt my baby". */
export const NEGATIONS = [
  'not',
  'never',
  'dont',
  'wont',
  'wouldnt',
  'didnt',
  'no',
  'isnt',
  'arent',
  'cannot',
];

/** Phrases that contain a crisis word but talk about help, not harm. */
export const SAFE_CONTEXTS = [
  'suicide prevention',
  'suicide hotline',
  'suicide lifeline',
  'suicide awareness',
  'crisis line',
];
