import { hasDigit, isNumberWithUnit, tokenize } from '../text/tokens.js';

/**
 * A text as the crisis grammar reads it: clauses of folded words, with contractions opened, internet shorthand
 * spelled out ("kms", "rn", "q", "xq") and near-misses of the grammar's own longer words corrected ("sucide",
 * "dissapear"). Clauses end at sentence punctuation, line breaks and "but"/"pero", so that a negation in one
 * clause never turns around what the next one says ("I'd never do it, but I want to die").
 */
export interface Reading {
  words: string[];
  /** The clause each word belongs to (same length as `words`). */
  clause: number[];
}

// Contractions written with an apostrophe: opened before the apostrophes are dropped, where "i'll" ≠ "ill".
const CONTRACTIONS: [RegExp, string][] = [
  [/\bod['’]?(?:ed|ing)\b|\bod['’]d\b/g, 'overdosed'],
  [/\b(i|you|we|they|he|she|it)['’]ll\b/g, '$1 will'],
  [/\bi['’]m\b/g, 'i am'],
  [/\b(i|you|we|they)['’]ve\b/g, '$1 have'],
  [/\b(i|you|we|they|he|she)['’]d\b/g, '$1 would'],
  [/\bwon['’]t\b/g, 'will not'],
  [/\bcan['’]t\b/g, 'can not'],
  [/n['’]t\b/g, ' not'],
  // "she's been", "he's got": "has"; otherwise "is".
  [/\b(it|that|he|she|there|what)['’]s (been|got|gotten|had|done|taken|tried|said|told)\b/g, '$1 has $2'],
  [/\b(it|that|he|she|there|what)['’]s\b/g, '$1 is'],
  [/['’]re\b/g, ' are'],
];

/** Single words that stand for several, or for a plainer word. */
const SHORTHAND_WORDS: Record<string, string> = {
  im: 'i am',
  ive: 'i have',
  iam: 'i am',
  id: 'i would',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  cnt: 'can not',
  wont: 'will not',
  wouldnt: 'would not',
  couldnt: 'could not',
  shouldnt: 'should not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  aint: 'am not',
  wanna: 'want to',
  wana: 'want to',
  gonna: 'going to',
  gona: 'going to',
  gunna: 'going to',
  gotta: 'got to',
  tryna: 'trying to',
  imma: 'i am going to',
  ima: 'i am going to',
  finna: 'going to',
  hafta: 'have to',
  u: 'you',
  ur: 'your',
  rn: 'right now',
  atm: 'right now',
  tn: 'tonight',
  tonite: 'tonight',
  tonigh: 'tonight',
  '2nite': 'tonight',
  '2night': 'tonight',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmw: 'tomorrow',
  tomoro: 'tomorrow',
  tommorow: 'tomorrow',
  tomorow: 'tomorrow',
  pls: 'please',
  plz: 'please',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  bcuz: 'because',
  ppl: 'people',
  kms: 'kill myself',
  kmss: 'kill myself',
  ctb: 'kill myself',
  sewerslide: 'suicide',
  sewerslid: 'suicide',
  suicde: 'suicide',
  sucide: 'suicide',
  suiside: 'suicide',
  unalive: 'kill',
  unaliving: 'killing',
  unalived: 'killed',
  sh: 'selfharm',
  od: 'overdose',
  oded: 'overdosed',
  odeed: 'overdosed',
  bub: 'baby',
  bubs: 'baby',
  dh: 'husband',
  dd: 'daughter',
  ds: 'son',
  mil: 'mother in law',
  // Spanish chat shorthand
  q: 'que',
  k: 'que',
  ke: 'que',
  xq: 'porque',
  xk: 'porque',
  pq: 'porque',
  porq: 'porque',
  tmb: 'tambien',
  tb: 'tambien',
  tmbn: 'tambien',
  pa: 'para',
  pal: 'para el',
  x: 'por',
  xfa: 'por favor',
  d: 'de',
  toy: 'estoy',
  nd: 'nada',
  bb: 'bebe',
  bebito: 'bebe',
  bebita: 'bebe',
  beba: 'bebe',
  bebote: 'bebe',
  mñn: 'manana',
  mñana: 'manana',
};

/** A Map, not the object: a word such as "constructor" must not find Object's own properties. */
const SHORTHAND = new Map(Object.entries(SHORTHAND_WORDS));

const CLAUSE_BREAK = /[.,!?;:\n\r…]+|\s[-–—]\s|\b(?:but|pero|aunque|although|though)\b/u;

export function read(text: string): Reading {
  const words: string[] = [];
  const clause: number[] = [];
  const parts = opened(text.toLowerCase()).split(CLAUSE_BREAK);
  for (let index = 0; index < parts.length; index++) {
    if (!parts[index]) continue;
    for (const raw of tokenize(parts[index])) {
      const token = squeezeLong(raw);
      const spelled = SHORTHAND.get(token) ?? (isLongNumberOrCode(token) ? CODE : correct(token));
      if (spelled.includes(' ')) {
        for (const word of spelled.split(' ')) {
          words.push(word);
          clause.push(index);
        }
      } else {
        words.push(spelled);
        clause.push(index);
      }
    }
  }
  return { words, clause };
}

/**
 * What a long number or a code reads as: a phone number, a time stamp, an order or booking reference, an id in a
 * link ("22119a5e", "5551234567") says nothing about danger, and its digits and letters must not reach the model
 * as pieces of words. Shorter numbers stay themselves ("30 pills", "988", "2024").
 */
const CODE = '0';

function isLongNumberOrCode(token: string): boolean {
  return token.length >= 5 && hasDigit(token) && !isNumberWithUnit(token);
}

/**
 * Contractions opened. All but the first (`od'd`, also written `oded`) need an apostrophe: a message without one
 * (most of them) is not searched for them.
 */
function opened(lowered: string): string {
  if (!lowered.includes("'") && !lowered.includes('’'))
    return lowered.includes('od') ? lowered.replace(CONTRACTIONS[0][0], CONTRACTIONS[0][1]) : lowered;
  for (const [pattern, replacement] of CONTRACTIONS) lowered = lowered.replace(pattern, replacement);
  return lowered;
}

/** Letters stretched three times or more become one ("diiiie" → "die"); doubled letters are left alone. */
function squeezeLong(word: string): string {
  return word.length > 3 && hasTriple(word) ? word.replace(/(\p{L})\1{2,}/gu, '$1') : word;
}

/** Whether a UTF-16 unit repeats three times in a row: the cheap test before the regular expression. */
function hasTriple(word: string): boolean {
  for (let i = 2; i < word.length; i++)
    if (word.charCodeAt(i) === word.charCodeAt(i - 1) && word.charCodeAt(i) === word.charCodeAt(i - 2))
      return true;
  return false;
}

let corrections: Map<string, string | null> | null = null;
let known: Set<string> = new Set();

/**
 * The grammar's own longer words, so that a misspelling one letter away from one of them is read as it
 * ("sucide", "dissapear", "pastilals"). Set once by the lexicon; words it already knows are never changed.
 */
export function learnSpellings(vocabulary: Iterable<string>, everyday: Iterable<string>): void {
  known = new Set([...vocabulary, ...everyday]);
  corrections = new Map();
  corrected.clear();
  for (const word of vocabulary) {
    if (word.length < 6) continue;
    for (const variant of deletions(word)) {
      const existing = corrections.get(variant);
      corrections.set(variant, existing === undefined || existing === word ? word : null);
    }
    const existing = corrections.get(word);
    corrections.set(word, existing === undefined || existing === word ? word : null);
  }
}

/** Corrections already made: words repeat from message to message, so each is worked out about once. */
const corrected = new Map<string, string>();
const REMEMBERED = 50_000;

function correct(token: string): string {
  if (!corrections || token.length < 6 || known.has(token) || /\d/.test(token)) return token;
  const remembered = corrected.get(token);
  if (remembered !== undefined) return remembered;
  const result = correction(token, corrections);
  if (corrected.size >= REMEMBERED) corrected.clear();
  corrected.set(token, result);
  return result;
}

function correction(token: string, corrections: Map<string, string | null>): string {
  const direct = corrections.get(token);
  if (direct) return direct;
  for (const variant of deletions(token)) {
    const found = corrections.get(variant);
    if (found) return found;
  }
  return token;
}

function deletions(word: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < word.length; i++) result.push(word.slice(0, i) + word.slice(i + 1));
  return result;
}
