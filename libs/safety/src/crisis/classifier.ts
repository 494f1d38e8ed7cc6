import { NEGATION_REACH, negatesAt, type Analysis } from './frames.js';

/**
 * The statistical half of the detector: logistic regression over hashed features of what the grammar read (its
 * folded words, their pairs, the letters inside them, and the cues and contexts it found), trained by
 * `scripts/train-crisis.ts` on the development parts of the corpus. Its weights are committed in
 * `model.generated.ts`; nothing is learnt or fetched at run time. Features: each word, each pair of words and
 * each pair one word apart within a clause, the 3- and 4-letter pieces of words of four letters or more, and the
 * grammar's cues (alone and in pairs) and contexts.
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

/** Features in a view of a list that the next text overwrites (scratchFeaturesOf). */
export interface FeatureView {
  slots: Int32Array;
  value: number;
}

/**
 * The distinct slots of the text being read, in the order first seen. A stamp per slot stands in for a `Set`, and
 * the list is kept from one text to the next, so that reading a message leaves no garbage (issue 19).
 */
class SlotList {
  private readonly seen = new Uint32Array(SLOTS);
  private stamp = 0;
  private list = new Int32Array(512);
  length = 0;

  clear(): void {
    this.length = 0;
    if (++this.stamp > 0xffff_ffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
  }

  add(slot: number): void {
    if (this.seen[slot] === this.stamp) return;
    this.seen[slot] = this.stamp;
    if (this.length === this.list.length) {
      const longer = new Int32Array(this.list.length * 2);
      longer.set(this.list);
      this.list = longer;
    }
    this.list[this.length++] = slot;
  }

  /** The slots so far, as a view that the next text overwrites. */
  view(): Int32Array {
    return this.list.subarray(0, this.length);
  }
}

const SCRATCH = new SlotList();

/** The features of a text, to keep (training, evaluation). */
export function featuresOf(analysis: Analysis): Features {
  const features = scratchFeaturesOf(analysis);
  return { slots: Array.from(features.slots), value: features.value };
}

/** The features of a text, in a view that the next call overwrites: for scoring a message at once. */
export function scratchFeaturesOf({ reading, cues, contexts }: Analysis): FeatureView {
  const slots = SCRATCH;
  slots.clear();
  // Words a negation reaches ("never hurt myself again") are other features than the same words unnegated.
  const words = negationScoped(reading);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    slots.add(slotOf(WORD, word));
    if (i + 1 < words.length && reading.clause[i + 1] === reading.clause[i])
      slots.add(slotOf(PAIR, word, words[i + 1]));
    if (i + 2 < words.length && reading.clause[i + 2] === reading.clause[i])
      slots.add(slotOf(SKIP, word, words[i + 2]));
    if (reading.words[i].length >= 4) {
      // A negated word's letters are other features too: "never hurt" must not weigh as "hurt".
      addLetterPieces(slots, word === reading.words[i] ? LETTERS : NEGATED_LETTERS, reading.words[i]);
    }
  }
  for (const [cue, count] of cues) {
    slots.add(slotOf(CUE, cue));
    if (count > 1) slots.add(slotOf(CUE, cue, 'again'));
    for (const [other] of cues) if (other > cue) slots.add(slotOf(CUE, cue, other));
  }
  for (const context of contexts) slots.add(slotOf(CONTEXT, context));
  return { slots: slots.view(), value: 1 / Math.sqrt(slots.length) };
}

/** The 3-letter pieces' hashes of the word being read, from which its 4-letter pieces continue. */
let triples = new Int32Array(64);

/**
 * The slots of the 3- and 4-letter pieces of ` ${word} ` (the word padded with a space on each side), hashed
 * without building the padded string or its pieces: the same slots as `slot` of `${kind} ${piece}`, in the same
 * order (the 3-letter ones, then the 4-letter ones). FNV-1a runs letter by letter, so a 4-letter piece's hash is
 * its first three letters' hash continued by one more.
 */
function addLetterPieces(slots: SlotList, kind: number, word: string): void {
  const length = word.length + 2;
  const unit = (k: number) => (k === 0 || k === length - 1 ? SPACE : word.charCodeAt(k - 1));
  if (triples.length < length) triples = new Int32Array(length * 2);
  for (let j = 0; j + 3 <= length; j++) {
    const hash = Math.imul(
      Math.imul(Math.imul(kind ^ unit(j), FNV_PRIME) ^ unit(j + 1), FNV_PRIME) ^ unit(j + 2),
      FNV_PRIME,
    );
    triples[j] = hash;
    slots.add((hash >>> 0) & MASK);
  }
  for (let j = 0; j + 4 <= length; j++)
    slots.add((Math.imul(triples[j] ^ unit(j + 3), FNV_PRIME) >>> 0) & MASK);
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

  probability(features: Features | FeatureView): number {
    let sum = this.weights[BIAS];
    const { slots, value } = features;
    for (let i = 0; i < slots.length; i++) sum += this.weights[slots[i]] * value;
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
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of touched) gradient[index] = options.l2 * weights[index];
    gradient[BIAS] = 0;
    samples.forEach((sample, i) => {
      let sum = weights[BIAS];
      for (const index of sample.slots) sum += weights[index] * sample.value;
      const error = (1 / (1 + Math.exp(-sum)) - labels[i]) * classWeight[labels[i]];
      for (const index of sample.slots) gradient[index] += (error * sample.value) / samples.length;
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
