import { compileTerm, findTerms, strongest } from './blocked-terms.js';

describe('blocked terms', () => {
  const terms = [
    compileTerm('ass', 'block'),
    compileTerm('hell', 'flag'),
    compileTerm('buy now', 'hold'),
    compileTerm('Crétin', 'block'),
  ];
  const found = (text: string) => findTerms(text, terms).map((t) => t.term);

  it.each([
    ['You ass', ['ass']],
    ['you ASS!', ['ass']],
    ['you a s s', ['ass']],
    ['you a.s.s', ['ass']],
    ['you a-s-s.', ['ass']],
    ['you @$$', ['ass']],
    ['you áss', ['ass']],
    ['you aaasss', ['ass']],
    ['what the hell', ['hell']],
    ['HELL no', ['hell']],
    ['Buy   now!!', ['buy now']],
    ['buy... now', ['buy now']],
    ['quel cretin', ['Crétin']],
    ['quel CRÉTIN', ['Crétin']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'a classic class assignment',
    'I assume the passage is assured',
    'Hello, shell, hellebore and Michelle',
    'grasshopper in a bass',
    'I bought it, now it is mine',
    'buying nowhere',
    'a b c d',
    'cretinism is a medical word',
  ])('does not find a term inside other words: %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('picks the strongest action', () => {
    expect(strongest(findTerms('hell, buy now', terms))).toBe('hold');
    expect(strongest(findTerms('ass and hell', terms))).toBe('block');
    expect(strongest([])).toBeNull();
  });
});
