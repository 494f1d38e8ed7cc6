import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';

import { Clock, MemorySharedState, type Secrets, type SharedState } from '@hearth/core';

import type { Mute } from '../mutes/mute.entity.js';
import { ModerationState } from './moderation-state.js';

/** A database whose reads of mutes wait until the test lets them answer, and count how often they are made. */
function pausedDatabase() {
  const waiting: { answer: (rows: Partial<Mute>[]) => void; fail: (error: Error) => void }[] = [];
  const find = jest.fn(
    () =>
      new Promise<Partial<Mute>[]>((answer, fail) => {
        waiting.push({ answer, fail });
      }),
  );
  const dataSource = { manager: { find } } as unknown as DataSource;
  return { dataSource, find, waiting };
}

function stateOn(dataSource: DataSource): ModerationState {
  const secrets = { masterKey: Buffer.alloc(32, 7) } as Secrets;
  return new ModerationState(dataSource, new Clock(), {} as SharedState, secrets);
}

const muted = { id: 'm1', endsAt: null } as Partial<Mute>;

describe('ModerationState: mutes read once and kept until they change', () => {
  it('a burst of messages before the first read returns makes one read, and all get its answer', async () => {
    const { dataSource, find, waiting } = pausedDatabase();
    const state = stateOn(dataSource);
    const burst = Array.from({ length: 20 }, () => state.activeMute('g1', 'u1'));
    expect(find).toHaveBeenCalledTimes(1);
    waiting[0].answer([muted]);
    expect((await Promise.all(burst)).every((mute) => mute?.id === 'm1')).toBe(true);
    expect(await state.activeMute('g1', 'u1')).toMatchObject({ id: 'm1' });
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('a change announced while a read is under way: its stale answer is not kept', async () => {
    const { dataSource, find, waiting } = pausedDatabase();
    const state = stateOn(dataSource);
    const before = state.activeMute('g1', 'u1');
    // The facilitator lifts the mute while the first read is still on its way with the mute in it.
    state.onMuteChanged({ groupId: 'g1', userId: 'u1' } as never);
    waiting[0].answer([muted]);
    await before;
    const after = state.activeMute('g1', 'u1');
    expect(find).toHaveBeenCalledTimes(2);
    waiting[1].answer([]);
    expect(await after).toBeNull();
  });

  it('a read that fails is forgotten: the next message reads again', async () => {
    const { dataSource, find, waiting } = pausedDatabase();
    const state = stateOn(dataSource);
    const failed = state.activeMute('g1', 'u1');
    waiting[0].fail(new Error('database busy'));
    await expect(failed).rejects.toThrow('database busy');
    const again = state.activeMute('g1', 'u1');
    expect(find).toHaveBeenCalledTimes(2);
    waiting[1].answer([]);
    expect(await again).toBeNull();
  });

  it('each person and group has a read of its own', async () => {
    const { dataSource, find, waiting } = pausedDatabase();
    const state = stateOn(dataSource);
    const one = state.activeMute('g1', 'u1');
    const other = state.activeMute('g1', 'u2');
    expect(find).toHaveBeenCalledTimes(2);
    waiting[0].answer([muted]);
    waiting[1].answer([]);
    expect(await one).toMatchObject({ id: 'm1' });
    expect(await other).toBeNull();
  });
});

describe('ModerationState: repeats', () => {
  const post = (body: string) => ({ groupId: 'g1', userId: 'u1', body });

  it('counts the same words, in any case, posted by the same person within the minute', async () => {
    const shared = new MemorySharedState();
    const secrets = { masterKey: Buffer.alloc(32, 7) } as Secrets;
    const state = new ModerationState({} as DataSource, new Clock(), shared, secrets);
    const first = post('See you Tuesday');
    expect(await state.repeats(first)).toBe(0);
    await state.recordPost(first);
    expect(await state.repeats(post('see you tuesday'))).toBe(1);
    expect(await state.repeats(post('see you thursday'))).toBe(0);
    expect(await state.repeats({ ...post('see you tuesday'), userId: 'u2' })).toBe(0);
    // Only digests are kept, never the words.
    expect(JSON.stringify(await shared.list('recent:g1:u1'))).not.toContain('tuesday');
  });
});
