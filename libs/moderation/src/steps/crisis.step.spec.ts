import { CrisisStep } from './crisis.step.js';
import { draft } from './fixtures.js';

describe('CrisisStep', () => {
  const step = new CrisisStep();

  it('marks words of crisis urgent, with their category, tier and language, and never blocks them', () => {
    expect(step.inspect(draft({ body: 'I want to end my life' }))).toEqual({
      action: 'allow',
      urgent: { category: 'suicide', tier: 'urgent', language: 'en', intrusive: false },
    });
    expect(step.inspect(draft({ body: 'ya no quiero vivir, todos estarían mejor sin mí' }))).toEqual({
      action: 'allow',
      urgent: { category: 'suicide', tier: 'concern', language: 'es', intrusive: false },
    });
  });

  it('lets everything else through unmarked', () => {
    expect(step.inspect(draft({ body: 'I slept four hours, a record' }))).toEqual({ action: 'allow' });
  });
});
