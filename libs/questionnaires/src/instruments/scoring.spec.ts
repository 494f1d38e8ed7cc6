import { INSTRUMENTS } from './catalogue.js';
import { answerProblem, answersScoring as answersFor, bandOf, progress, score } from './instrument.js';

describe('questionnaire scoring', () => {
  const edges: Record<string, [number, string][]> = {
    phq9: [
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'moderately_severe'],
      [19, 'moderately_severe'],
      [20, 'severe'],
      [27, 'severe'],
    ],
    gad7: [
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'severe'],
      [21, 'severe'],
    ],
    epds: [
      [0, 'unlikely'],
      [9, 'unlikely'],
      [10, 'possible'],
      [12, 'possible'],
      [13, 'probable'],
      [30, 'probable'],
    ],
  };

  it.each(Object.entries(edges))('%s: every band edge lands in its band', (id, cases) => {
    const instrument = INSTRUMENTS[id as keyof typeof INSTRUMENTS];
    for (const [total, band] of cases) {
      const safety =
        total > instrument.maxScore - 3 && instrument.safetyItem.tierByScore.some(Boolean) ? 3 : 0;
      const answers = answersFor(instrument, total, safety);
      expect(answerProblem(instrument, answers)).toBeNull();
      expect(score(instrument, answers)).toMatchObject({ score: total, band: { id: band } });
    }
  });

  it('bands cover every score from 0 to the maximum, without gaps or overlaps', () => {
    for (const instrument of Object.values(INSTRUMENTS))
      for (let total = 0; total <= instrument.maxScore; total++)
        expect(bandOf(instrument, total)).toBeDefined();
  });

  it('names each band by how high the score is, never as a condition she has (a score is no diagnosis)', () => {
    for (const instrument of Object.values(INSTRUMENTS))
      for (const band of instrument.bands)
        for (const label of Object.values(band.label))
          expect({ instrument: instrument.id, label }).not.toEqual({
            instrument: instrument.id,
            label: expect.stringMatching(/depress|anxi|ansied|diagn|probable|possible|posible|unlikely/i),
          });
    expect(INSTRUMENTS.epds.bands.map((b) => [b.id, b.label.en, b.label.es])).toEqual([
      ['unlikely', 'Low', 'Baja'],
      ['possible', 'Moderate', 'Moderada'],
      ['probable', 'High', 'Alta'],
    ]);
  });

  it('reverses the EPDS items printed with the worst answer first', () => {
    const epds = INSTRUMENTS.epds;
    // The first option of item 1 (laughing as much as always) scores 0; of item 3 (blaming oneself) it scores 3.
    const answers = Array.from({ length: 10 }, () => 0);
    expect(score(epds, answers).score).toBe(0 + 0 + 3 + 0 + 3 + 3 + 3 + 3 + 3 + 3);
    expect(score(epds, answers).safety).toEqual({ itemScore: 3, tier: 'urgent' });
  });

  it('reads the self-harm item: PHQ-9 item 9 and EPDS item 10; the GAD-7 has none', () => {
    const phq9 = INSTRUMENTS.phq9;
    expect(score(phq9, answersFor(phq9, 1, 1)).safety).toEqual({ itemScore: 1, tier: 'concern' });
    expect(score(phq9, answersFor(phq9, 2, 2)).safety).toEqual({ itemScore: 2, tier: 'urgent' });
    expect(score(phq9, answersFor(phq9, 12, 0)).safety.tier).toBeNull();
    expect(score(INSTRUMENTS.epds, answersFor(INSTRUMENTS.epds, 1, 1)).safety.tier).toBe('concern');
    expect(score(INSTRUMENTS.gad7, [3, 3, 3, 3, 3, 3, 3]).safety.tier).toBeNull();
  });

  it('refuses answers it cannot score', () => {
    const phq9 = INSTRUMENTS.phq9;
    expect(answerProblem(phq9, [0, 0])).toMatch(/one choice for each of the 9 questions/);
    expect(answerProblem(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 4])).toMatch(/answer 9 must be one of the options/);
    expect(answerProblem(phq9, [0, 0, 0, 0, 0, 0, 0, 0, -1])).toMatch(/answer 9/);
    expect(answerProblem(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1.5])).toMatch(/answer 9/);
    expect(answerProblem(phq9, 'all fine')).toMatch(/one choice/);
  });

  it('response is a drop of half or more from the first score; remission is under the threshold', () => {
    expect(progress(INSTRUMENTS.phq9, 18, 9)).toEqual({ change: -9, response: true, remission: false });
    expect(progress(INSTRUMENTS.phq9, 18, 10)).toMatchObject({ response: false });
    expect(progress(INSTRUMENTS.phq9, 18, 4)).toMatchObject({ response: true, remission: true });
    expect(progress(INSTRUMENTS.epds, 15, 9)).toMatchObject({ remission: true });
    expect(progress(INSTRUMENTS.gad7, 0, 3)).toEqual({ change: 3, response: false, remission: true });
  });
});
