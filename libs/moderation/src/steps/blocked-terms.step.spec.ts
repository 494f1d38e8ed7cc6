import { compileTerm } from '../text/blocked-terms.js';
import { BlockedTermsStep } from './blocked-terms.step.js';
import { draft, fakeState } from './fixtures.js';

describe('BlockedTermsStep', () => {
  const terms = [
    compileTerm('idiot', 'block'),
    compileTerm('microdose', 'hold'),
    compileTerm('dosage', 'flag'),
  ];
  const step = new BlockedTermsStep(fakeState({ terms }));

  it('blocks a block term, naming it to the author', async () => {
    expect(await step.inspect(draft({ body: 'you I-D-I-O-T' }))).toMatchObject({
      action: 'block',
      code: 'BLOCKED',
      details: { terms: ['idiot'] },
    });
  });

  it('holds a hold term and flags a flag term', async () => {
    expect(await step.inspect(draft({ body: 'should I microdose' }))).toMatchObject({ action: 'hold' });
    expect(await step.inspect(draft({ body: 'what dosage' }))).toMatchObject({ action: 'flag' });
  });

  it('lets the strongest action win', async () => {
    expect(await step.inspect(draft({ body: 'idiot dosage microdose' }))).toMatchObject({ action: 'block' });
  });

  it('ignores the terms inside other words', async () => {
    expect(await step.inspect(draft({ body: 'idiotic microdosing dosages' }))).toEqual({ action: 'allow' });
  });
});
