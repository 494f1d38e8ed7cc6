import { hasDigit } from '../text/tokens.js';
import { NEGATION_REACH, negatesAt, type Analysis } from './frames.js';

/**
 * The statistical half of the detector: logistic regression over hashed features of what the grammar read (its
 * folded words, their pairs, the letters inside them, and the cues and contexts it found), trained by
 * `scripts/train-crisis.ts` on the development parts of the corpus. Its weights are committed in
 * `model.generated.ts`; nothing is learnt or fetched at run time. Features: each word (a number by its shape,
 * `digitShape`), each pair of words and each pair one word apart within a clause, the 3- and 4-letter pieces of
 * words of four letters or more, and the grammar's cues (alone and in pairs) and contexts.
 */
export const FEATURE_BITS = 18;
const SLOTS = 1 << FEATURE_BITS;
const MASK = SLOTS - 1;
/** The intercept's own slot, past the hashed ones: it is added whole, never scaled by a text's length. */
const BIAS = SLOTS;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

/** FNV-1a continued over `text`'s UTF-16 units from `from` to `to`. */
function fnv(hash: number, text: string, from = 0, to = text.length): number {
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** The slot a feature's weight is kept in: FNV-1a of the feature's text, masked. */
export function slot(feature: string): number {
  return (fnv(FNV_OFFSET, feature) >>> 0) & MASK;
}

/**
 * The slot of the feature `${kind} ${a}`, or `${kind} ${a} ${b}`, hashed from its parts: a message's hundreds
 * of features cost no strings (the detector runs on every message; issue 19). The same slots as `slot`.
 */
function slotOf(kind: number, a: string, b?: string): number {
  let hash = fnv(kind, a);
  if (b !== undefined) hash = fnv(Math.imul(hash ^ SPACE, FNV_PRIME), b);
  return (hash >>> 0) & MASK;
}

/** The hash of a feature kind's prefix (`w `, `b `, …), where its parts continue. */
const kind = (prefix: string) => fnv(FNV_OFFSET, `${prefix} `);
const WORD = kind('w');
const PAIR = kind('b');
const SKIP = kind('s');
const LETTERS = kind('c');
const NEGATED_LETTERS = kind('c!');
const CUE = kind('q');
const CONTEXT = kind('x');

export interface Features {
  slots: number[];
  /** Every feature weighs 1/√n, so a long post is not louder than a short one. */
  value: number;
}

/**
 * The slots of a text's features, each once, in the order first met. Deduplicated against a table stamped with
 * a number of its own per text rather than in a Set: the detector reads every message, and the Set (grown and
 * copied as a hundred-odd slots went in) was most of what featuresOf allocated, some 8 KB a message (issue 19,
 * docs/PERFORMANCE.md). The order is a Set's, first met first, so a model adds its weights in the same order and
 * gives the very same probability.
 */
class SlotList {
  private readonly stamps = new Uint32Array(SLOTS);
  private stamp = 0;
  slots: number[] = [];

  start(): void {
    this.slots = [];
    this.stamp += 1;
    // After 2³² - 1 texts the stamps come round again: the table is cleared once, so that no stamp of an
    // earlier text is taken for this one's.
    if (this.stamp === 0x1_0000_0000) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  add(slot: number): void {
    if (this.stamps[slot] === this.stamp) return;
    this.stamps[slot] = this.stamp;
    this.slots.push(slot);
  }
}

/** One table for the process: featuresOf runs to its end without yielding, so texts never share it at once. */
const found = new SlotList();

export function featuresOf({ reading, cues, contexts }: Analysis): Features {
  found.start();
  // Words a negation reaches ("never hurt myself again") are other features than the same words unnegated.
  const words = negationScoped(reading).map(digitShape);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    found.add(slotOf(WORD, word));
    if (i + 1 < words.length && reading.clause[i + 1] === reading.clause[i])
      found.add(slotOf(PAIR, word, words[i + 1]));
    if (i + 2 < words.length && reading.clause[i + 2] === reading.clause[i])
      found.add(slotOf(SKIP, word, words[i + 2]));
    if (reading.words[i].length >= 4 && !hasDigit(reading.words[i])) {
      // A negated word's letters are other features too: "never hurt" must not weigh as "hurt".
      addLetterPieces(found, word === reading.words[i] ? LETTERS : NEGATED_LETTERS, reading.words[i]);
    }
  }
  for (const [cue, count] of cues) {
    found.add(slotOf(CUE, cue));
    if (count > 1) found.add(slotOf(CUE, cue, 'again'));
    for (const [other] of cues) if (other > cue) found.add(slotOf(CUE, cue, other));
  }
  for (const context of contexts) found.add(slotOf(CONTEXT, context));
  const list = found.slots;
  return { slots: list, value: 1 / Math.sqrt(list.length) };
}

/**
 * A word with digits as its shape: every digit a 0 ("1195" → "0000", "30" → "00", "1am" → "0am"). Which number
 * someone wrote says nothing the model could learn from a few thousand sentences, and the digits of a time, an
 * amount or a reference were noise in its weights (a message's number and time stamp once tipped an ordinary
 * sentence into an alarm). Numbers have no letter pieces. The grammar still reads the digits as written ("988").
 */
function digitShape(word: string): string {
  return hasDigit(word) ? word.replace(/\d/g, '0') : word;
}

/**
 * The slots of the 3- and 4-letter pieces of ` ${word} ` (the word padded with a space on each side), hashed
 * without building the padded string or its pieces: the same slots as `slot` of `${kind} ${piece}`.
 */
function addLetterPieces(slots: SlotList, kind: number, word: string): void {
  const length = word.length + 2;
  const unit = (k: number) => (k === 0 || k === length - 1 ? SPACE : word.charCodeAt(k - 1));
  for (let n = 3; n <= 4; n++)
    for (let j = 0; j + n <= length; j++) {
      let hash = kind;
      for (let k = j; k < j + n; k++) hash = Math.imul(hash ^ unit(k), FNV_PRIME);
      slots.add((hash >>> 0) & MASK);
    }
}

/** The text's words, those within NEGATION_REACH after a negation in the same clause marked `!` (`!hurt`). */
export function negationScoped(reading: Analysis['reading']): string[] {
  const words = [...reading.words];
  let reach = 0;
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && reading.clause[i] !== reading.clause[i - 1]) reach = 0;
    if (negatesAt(reading, i)) reach = NEGATION_REACH;
    else if (reach > 0) {
      words[i] = `!${words[i]}`;
      reach--;
    }
  }
  return words;
}

export class CrisisModel {
  private readonly weights = new Float32Array(SLOTS + 1);

  /** `encoded`: the committed weights, as base64 of [slot: uint32, weight: float32] pairs. */
  constructor(encoded: string) {
    const bytes = Buffer.from(encoded, 'base64');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 8 <= bytes.byteLength; at += 8)
      this.weights[view.getUint32(at, true)] = view.getFloat32(at + 4, true);
  }

  probability(features: Features): number {
    let sum = this.weights[BIAS];
    for (const index of features.slots) sum += this.weights[index] * features.value;
    return 1 / (1 + Math.exp(-sum));
  }
}

/** The inverse of CrisisModel's constructor: weights (dense) to base64 pairs, dropping the negligible ones. */
export function encodeWeights(weights: Float64Array, smallest: number): string {
  const kept: number[] = [];
  weights.forEach((weight, index) => {
    if (Math.abs(weight) >= smallest) kept.push(index);
  });
  const bytes = Buffer.alloc(kept.length * 8);
  kept.forEach((index, i) => {
    bytes.writeUInt32LE(index, i * 8);
    bytes.writeFloatLE(weights[index], i * 8 + 4);
  });
  return bytes.toString('base64');
}

export interface TrainingOptions {
  epochs: number;
  rate: number;
  l2: number;
  /** `gd`: plain gradient descent (the default); `adam`: each weight's step scaled by its own gradient's history. */
  optimizer?: 'gd' | 'adam';
  /**
   * The share of a sentence's features left out of each pass (the rest weigh more, to match): the model cannot
   * lean on one word or one piece of a sentence it was shown, and must learn what crises share. 0 (none) unless
   * given.
   */
  dropout?: number;
}

/** A number in [0, 1) fixed by three integers (a pass, a sentence, a slot): the same on every run and machine. */
function unitHash(a: number, b: number, c: number): number {
  let h =
    Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/**
 * Logistic regression by full-batch gradient descent with L2, from zero: the same corpus gives the same weights
 * on any machine. `labels` are 1 for crisis. With `adam`, each weight moves by its gradient's running mean over
 * the square root of its running square (Kingma and Ba's defaults, 0.9 and 0.999): rare features, such as a
 * word one voice uses, learn as fast as common ones, and the fit converges in far fewer passes.
 */
export function train(samples: Features[], labels: number[], options: TrainingOptions): Float64Array {
  const weights = new Float64Array(SLOTS + 1);
  const gradient = new Float64Array(SLOTS + 1);
  const adam = options.optimizer === 'adam';
  const mean = adam ? new Float64Array(SLOTS + 1) : gradient;
  const square = adam ? new Float64Array(SLOTS + 1) : gradient;
  const touched = [...new Set(samples.flatMap((sample) => sample.slots)), BIAS];
  const positives = labels.filter((label) => label === 1).length;
  // Each class weighs half, whatever their sizes.
  const classWeight = [samples.length / (2 * (samples.length - positives)), samples.length / (2 * positives)];
  const dropout = options.dropout ?? 0;
  const active = new Int32Array(Math.max(0, ...samples.map((sample) => sample.slots.length)));
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of touched) gradient[index] = options.l2 * weights[index];
    gradient[BIAS] = 0;
    samples.forEach((sample, i) => {
      let count = 0;
      for (const index of sample.slots)
        if (dropout === 0 || unitHash(epoch, i, index) >= dropout) active[count++] = index;
      const value = sample.value / (1 - dropout);
      let sum = weights[BIAS];
      for (let k = 0; k < count; k++) sum += weights[active[k]] * value;
      const error = (1 / (1 + Math.exp(-sum)) - labels[i]) * classWeight[labels[i]];
      for (let k = 0; k < count; k++) gradient[active[k]] += (error * value) / samples.length;
      gradient[BIAS] += error / samples.length;
    });
    if (!adam) {
      for (const index of touched) weights[index] -= options.rate * gradient[index];
      continue;
    }
    const unbias1 = 1 - 0.9 ** (epoch + 1);
    const unbias2 = 1 - 0.999 ** (epoch + 1);
    for (const index of touched) {
      const g = gradient[index];
      mean[index] = 0.9 * mean[index] + 0.1 * g;
      square[index] = 0.999 * square[index] + 0.001 * g * g;
      weights[index] -=
        (options.rate * (mean[index] / unbias1)) / (Math.sqrt(square[index] / unbias2) + 1e-8);
    }
  }
  return weights;
}
