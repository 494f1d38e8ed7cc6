import { PhraseIndex, tokenize } from './tokens.js';

describe('PhraseIndex', () => {
  const entries = ['want to die', 'die', 'kill myself', 'so tired'].map((phrase) => ({
    phrase,
    tokens: tokenize(phrase),
  }));
  const index = new PhraseIndex(entries);
  const found = (text: string) =>
    index.matches(tokenize(text)).map(({ at, rank, entry }) => [at, rank, entry.phrase]);

  it('finds every phrase at every place, in text order, with its rank', () => {
    expect(found('I want to die, die')).toEqual([
      [1, 0, 'want to die'],
      [3, 1, 'die'],
      [4, 1, 'die'],
    ]);
  });

  it('finds stretched spellings of a first word and of later words, and never parts of words', () => {
    expect(found('i wannnt to diiiie')).toEqual([
      [1, 0, 'want to die'],
      [3, 1, 'die'],
    ]);
    expect(found('sooo tiiired')).toEqual([[0, 3, 'so tired']]);
    expect(found('diet skills killjoy')).toEqual([]);
  });

  it('does not take a single doubled letter for a stretch', () => {
    expect(found('kil myself')).toEqual([]);
    expect(found('kill myself')).toEqual([[0, 2, 'kill myself']]);
  });
});
