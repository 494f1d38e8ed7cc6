import { clockAt, draft, fakeState } from './fixtures.js';
import { NewMemberLinkStep, PremoderationStep } from './new-member.steps.js';

const daysAgo = (days: number) => new Date(new Date('2026-06-01T12:00:00Z').getTime() - days * 86_400_000);

describe('NewMemberLinkStep', () => {
  const step = new NewMemberLinkStep(fakeState({ settings: { newMemberLinkDays: 3 } }), clockAt());

  it('holds links from members in their first days', async () => {
    expect(await step.inspect(draft({ joinedAt: daysAgo(1), body: 'see www.example.com' }))).toMatchObject({
      action: 'hold',
    });
  });

  it('lets links from established members and facilitators through, and text from anyone', async () => {
    expect(await step.inspect(draft({ joinedAt: daysAgo(5), body: 'see https://example.org' }))).toEqual({
      action: 'allow',
    });
    expect(
      await step.inspect(draft({ joinedAt: daysAgo(1), role: 'facilitator', body: 'https://example.org' })),
    ).toEqual({ action: 'allow' });
    expect(await step.inspect(draft({ joinedAt: daysAgo(1), body: 'no links here. just words' }))).toEqual({
      action: 'allow',
    });
  });
});

describe('PremoderationStep', () => {
  it('holds every message of a member who joined within the premoderation period', async () => {
    const step = new PremoderationStep(fakeState({ settings: { premoderateDays: 7 } }), clockAt());
    expect(await step.inspect(draft({ joinedAt: daysAgo(2) }))).toMatchObject({ action: 'hold' });
    expect(await step.inspect(draft({ joinedAt: daysAgo(8) }))).toEqual({ action: 'allow' });
    expect(await step.inspect(draft({ joinedAt: daysAgo(2), role: 'facilitator' }))).toEqual({
      action: 'allow',
    });
  });

  it('does nothing when premoderation is off', async () => {
    const step = new PremoderationStep(fakeState({ settings: { premoderateDays: null } }), clockAt());
    expect(await step.inspect(draft({ joinedAt: daysAgo(0) }))).toEqual({ action: 'allow' });
  });
});
