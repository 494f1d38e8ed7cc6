import { NEGATION_REACH, NEGATORS, type Analysis } from './frames.js';

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

/** FNV-1a over a string's UTF-16 units: the slot a feature's weight is kept in. */
function slot(feature: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & MASK;
}

export interface Features {
  slots: number[];
  /** Every feature weighs 1/√n, so a long post is not louder than a short one. */
  value: number;
}

export function featuresOf({ reading, cues, contexts }: Analysis): Features {
  const slots = new Set<number>();
  // Words a negation reaches ("never hurt myself again") are other features than the same words unnegated.
  const words = negationScoped(reading);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    slots.add(slot(`w ${word}`));
    if (i + 1 < words.length && reading.clause[i + 1] === reading.clause[i])
      slots.add(slot(`b ${word} ${words[i + 1]}`));
    if (i + 2 < words.length && reading.clause[i + 2] === reading.clause[i])
      slots.add(slot(`s ${word} ${words[i + 2]}`));
    if (reading.words[i].length >= 4) {
      const padded = ` ${reading.words[i]} `;
      for (let n = 3; n <= 4; n++)
        for (let j = 0; j + n <= padded.length; j++) slots.add(slot(`c ${padded.slice(j, j + n)}`));
    }
  }
  for (const [cue, count] of cues) {
    slots.add(slot(`q ${cue}`));
    if (count > 1) slots.add(slot(`q ${cue} again`));
    for (const [other] of cues) if (other > cue) slots.add(slot(`q ${cue} ${other}`));
  }
  for (const context of contexts) slots.add(slot(`x ${context}`));
  const list = [...slots];
  return { slots: list, value: 1 / Math.sqrt(list.length) };
}

/** The text's words, those within NEGATION_REACH after a negator in the same clause marked `!` (`!hurt`). */
function negationScoped(reading: Analysis['reading']): string[] {
  const words = [...reading.words];
  let reach = 0;
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && reading.clause[i] !== reading.clause[i - 1]) reach = 0;
    if (NEGATORS.has(reading.words[i])) reach = NEGATION_REACH;
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

/**
 * Logistic regression by full-batch gradient descent with L2, from zero: the same corpus gives the same weights
 * on any machine. `labels` are 1 for crisis.
 */
export function train(
  samples: Features[],
  labels: number[],
  options: { epochs: number; rate: number; l2: number },
): Float64Array {
  const weights = new Float64Array(SLOTS + 1);
  const gradient = new Float64Array(SLOTS + 1);
  const touched = [...new Set(samples.flatMap((sample) => sample.slots))];
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
    for (const index of touched) weights[index] -= options.rate * gradient[index];
    weights[BIAS] -= options.rate * gradient[BIAS];
  }
  return weights;
}
