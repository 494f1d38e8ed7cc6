import { draft, fakeState } from './fixtures.js';
import { MuteStep } from './mute.step.js';

describe('MuteStep', () => {
  it('blocks posts and reactions of a muted member, saying until when', async () => {
    const step = new MuteStep(fakeState({ mute: { endsAt: new Date('2026-06-01T13:00:00Z') } }));
    const expected = { action: 'block', code: 'MUTED', details: { until: '2026-06-01T13:00:00.000Z' } };
    expect(await step.inspect(draft())).toMatchObject(expected);
    expect(await step.inspectReaction(draft())).toMatchObject(expected);
  });

  it('says "until further notice" for an open-ended mute', async () => {
    const step = new MuteStep(fakeState({ mute: { endsAt: null } }));
    expect(await step.inspect(draft())).toMatchObject({ code: 'MUTED', details: { until: null } });
  });

  it('allows everyone else', async () => {
    expect(await new MuteStep(fakeState({ mute: null })).inspect(draft())).toEqual({ action: 'allow' });
  });
});
