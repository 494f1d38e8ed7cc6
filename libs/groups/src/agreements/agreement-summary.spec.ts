import { DEFAULT_AGREEMENT } from './default-agreement.js';
import { summarizeAgreement } from './agreement-summary.js';

describe('summarizeAgreement', () => {
  it('gives the default agreement its opening paragraph and its sections', () => {
    const summary = summarizeAgreement(DEFAULT_AGREEMENT);
    expect(summary.intro).toMatch(/^This is a space to make sense of what came up/);
    expect(summary.intro).not.toContain('\n');
    expect(summary.topics).toEqual([
      'Confidentiality',
      'Respect',
      'Taking care',
      'If you are in crisis',
      'Facilitators',
    ]);
  });

  it('skips headings, lists and quotes when looking for the opening paragraph', () => {
    expect(summarizeAgreement('# Title\n\n- one\n- two\n\n> quoted\n\nWe listen.\n').intro).toBe(
      'We listen.',
    );
  });

  it('shortens a long opening at a word and has no topics without sections', () => {
    const summary = summarizeAgreement(`${'word '.repeat(300)}end`);
    expect(summary.intro.length).toBeLessThanOrEqual(601);
    expect(summary.intro.endsWith('word…')).toBe(true);
    expect(summary.topics).toEqual([]);
  });

  it('is empty for an empty agreement', () => {
    expect(summarizeAgreement('')).toEqual({ intro: '', topics: [] });
  });
});
