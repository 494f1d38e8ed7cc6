import { read } from './reading.js';
import { REAL_WORDS } from './real-words.generated.js';
import { realWordsCorrected } from './real-words.js';

describe('the reading’s spelling correction and real words', () => {
  it('leaves real words alone', () => {
    expect(read('sitting on the bridge sharing a picnic, putting the baby down').words).toEqual(
      'sitting on the bridge sharing a picnic putting the baby down'.split(' '),
    );
    // Someone else's act stays someone else's, and telling is not cutting.
    expect(read('mi mamá intentó suicidarse').words).toContain('suicidarse');
    expect(read('quiero contarme la verdad, se puso a cortarse').words).toEqual(
      expect.arrayContaining(['contarme', 'cortarse']),
    );
    expect(read('id rather sleep, heading home').words).toEqual(
      expect.arrayContaining(['rather', 'heading']),
    );
  });

  it('still reads a misspelling as the word meant', () => {
    expect(read('thinking about sucide').words).toContain('suicide');
    expect(read('i want to dissapear').words).toContain('disappear');
  });

  it('holds every real word the correction would change (npm run words:crisis writes the list)', () => {
    expect(realWordsCorrected()).toEqual([...REAL_WORDS]);
  });
});
