import { tokenize } from './tokens.js';

describe('tokenize', () => {
  it('reads look-alike characters in a word as letters', () => {
    expect(tokenize('k1ll mys3lf, su1c1de, a55, $h1t')).toEqual(['kill', 'myself', 'suicide', 'ass', 'shit']);
  });

  it('leaves numbers with a unit or an ordinal, and codes, as they are written', () => {
    expect(tokenize('at 1am, 50mg, the 2nd, 3pm')).toEqual(['at', '1am', '50mg', 'the', '2nd', '3pm']);
    expect(tokenize('ref 22119a5e and 1796358556411')).toEqual(['ref', '22119a5e', 'and', '1796358556411']);
  });
});
