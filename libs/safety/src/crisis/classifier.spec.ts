import { featuresOf, negationScoped, slot } from './classifier.js';
import { loadCorpus } from './evaluation.js';
import { analyse, type Analysis } from './frames.js';
import { read } from './reading.js';

/** The features as first written: each one's text built and hashed (slow, but plainly right). */
function featuresByText({ reading, cues, contexts }: Analysis): number[] {
  const slots = new Set<number>();
  // A number is its shape, every digit a 0, and has no letter pieces.
  const words = negationScoped(reading).map((word) => word.replace(/[0-9]/g, '0'));
  for (let i = 0; i < words.length; i++) {
    slots.add(slot(`w ${words[i]}`));
    if (i + 1 < words.length && reading.clause[i + 1] === reading.clause[i])
      slots.add(slot(`b ${words[i]} ${words[i + 1]}`));
    if (i + 2 < words.length && reading.clause[i + 2] === reading.clause[i])
      slots.add(slot(`s ${words[i]} ${words[i + 2]}`));
    if (reading.words[i].length >= 4 && !/[0-9]/.test(reading.words[i])) {
      const padded = ` ${reading.words[i]} `;
      for (let n = 3; n <= 4; n++)
        for (let j = 0; j + n <= padded.length; j++)
          slots.add(slot(`${words[i] === reading.words[i] ? 'c' : 'c!'} ${padded.slice(j, j + n)}`));
    }
  }
  for (const [cue, count] of cues) {
    slots.add(slot(`q ${cue}`));
    if (count > 1) slots.add(slot(`q ${cue} again`));
    for (const [other] of cues) if (other > cue) slots.add(slot(`q ${cue} ${other}`));
  }
  for (const context of contexts) slots.add(slot(`x ${context}`));
  return [...slots];
}

describe('the model features', () => {
  it('are hashed from their parts into exactly the slots their texts give (the committed weights still apply)', () => {
    const lines = loadCorpus('development-14');
    expect(lines.length).toBeGreaterThan(300);
    for (const { text } of lines) {
      const analysis = analyse(read(text));
      const features = featuresOf(analysis);
      const expected = featuresByText(analysis);
      expect(features.slots).toEqual(expected);
      expect(features.value).toBeCloseTo(1 / Math.sqrt(expected.length), 12);
    }
  });
});
