import { featuresOf, negationScoped, slot, train, type Features } from './classifier.js';
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
    // Read one after another and compared afterwards: no text's slots leak into the next's, or change later.
    const analyses = lines.map(({ text }) => analyse(read(text)));
    const all = analyses.map((analysis) => featuresOf(analysis));
    analyses.forEach((analysis, i) => {
      const expected = featuresByText(analysis);
      expect(all[i].slots).toEqual(expected);
      expect(all[i].value).toBeCloseTo(1 / Math.sqrt(expected.length), 12);
    });
  });
});

describe('training with feature dropout', () => {
  // Two features that always come together with a crisis, one that comes with both classes.
  const samples: Features[] = [
    { slots: [1, 2, 3], value: 1 / Math.sqrt(3) },
    { slots: [1, 2, 3], value: 1 / Math.sqrt(3) },
    { slots: [3, 4], value: 1 / Math.sqrt(2) },
    { slots: [3, 5], value: 1 / Math.sqrt(2) },
  ];
  const labels = [1, 1, 0, 0];
  const options = { epochs: 200, rate: 0.05, l2: 0, optimizer: 'adam' as const };

  it('gives the same weights on every run (the committed model can be rebuilt exactly)', () => {
    const once = train(samples, labels, { ...options, dropout: 0.5 });
    const again = train(samples, labels, { ...options, dropout: 0.5 });
    expect(Array.from(again.subarray(0, 8))).toEqual(Array.from(once.subarray(0, 8)));
  });

  it('leaves features out of passes, so the weights differ from a fit without it', () => {
    const plain = train(samples, labels, options);
    const dropped = train(samples, labels, { ...options, dropout: 0.5 });
    expect(dropped[1]).not.toBeCloseTo(plain[1], 6);
    // Both still learn that features 1 and 2 mean a crisis and 4 and 5 do not.
    for (const weights of [plain, dropped]) {
      expect(weights[1]).toBeGreaterThan(0);
      expect(weights[2]).toBeGreaterThan(0);
      expect(weights[4]).toBeLessThan(0);
      expect(weights[5]).toBeLessThan(0);
    }
  });
});
