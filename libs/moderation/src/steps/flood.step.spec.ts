import { draft, fakeState } from './fixtures.js';
import { FloodStep } from './flood.step.js';

describe('FloodStep', () => {
  it('allows a message sent once or twice in a minute', async () => {
    await expect(new FloodStep(fakeState({ repeats: 1 })).inspect(draft())).resolves.toEqual({
      action: 'allow',
    });
  });

  it('refuses the same words a third time within a minute', async () => {
    await expect(new FloodStep(fakeState({ repeats: 2 })).inspect(draft())).resolves.toMatchObject({
      action: 'block',
      code: 'RATE_LIMITED',
    });
  });
});
