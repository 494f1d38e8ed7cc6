import { clockAt, draft, fakeState, NOW } from './fixtures.js';
import { RoomModeStep } from './room-mode.step.js';

describe('RoomModeStep', () => {
  const now = new Date(NOW).getTime();

  it('keeps members out of a read-only room, but not facilitators', async () => {
    const step = new RoomModeStep(fakeState({ settings: { mode: 'read_only' } }), clockAt());
    expect(await step.inspect(draft())).toMatchObject({ action: 'block', code: 'READ_ONLY' });
    expect(await step.inspect(draft({ role: 'facilitator' }))).toEqual({ action: 'allow' });
  });

  it('makes a member wait out slow mode, with the seconds left', async () => {
    const state = fakeState({ settings: { mode: 'slow', slowSeconds: 60 }, lastPostAt: now - 45_000 });
    const step = new RoomModeStep(state, clockAt());
    expect(await step.inspect(draft())).toMatchObject({ code: 'SLOW_MODE', details: { waitSeconds: 15 } });
    expect(await step.inspect(draft({ role: 'facilitator' }))).toEqual({ action: 'allow' });
  });

  it('lets a member post once the interval has passed, or for the first time', async () => {
    const passed = fakeState({ settings: { mode: 'slow', slowSeconds: 60 }, lastPostAt: now - 61_000 });
    expect(await new RoomModeStep(passed, clockAt()).inspect(draft())).toEqual({ action: 'allow' });
    const first = fakeState({ settings: { mode: 'slow', slowSeconds: 60 }, lastPostAt: null });
    expect(await new RoomModeStep(first, clockAt()).inspect(draft())).toEqual({ action: 'allow' });
  });

  it('paces new messages only: an edit is not slowed, but a read-only room refuses it too', async () => {
    const slow = fakeState({ settings: { mode: 'slow', slowSeconds: 60 }, lastPostAt: now - 5_000 });
    expect(await new RoomModeStep(slow, clockAt()).inspect(draft({ intent: 'edit' }))).toEqual({
      action: 'allow',
    });
    const readOnly = fakeState({ settings: { mode: 'read_only' } });
    expect(await new RoomModeStep(readOnly, clockAt()).inspect(draft({ intent: 'edit' }))).toMatchObject({
      code: 'READ_ONLY',
    });
  });

  it('lets anyone post in an open room', async () => {
    expect(await new RoomModeStep(fakeState({}), clockAt()).inspect(draft())).toEqual({ action: 'allow' });
  });
});
