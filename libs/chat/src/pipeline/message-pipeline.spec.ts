import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';

import {
  MessagePipeline,
  type MessageDraft,
  type MessagePipelineStep,
  type StepVerdict,
} from './message-pipeline.js';

const draft: MessageDraft = {
  groupId: 'g',
  userId: 'u',
  membershipId: 'm',
  pseudonym: 'Wren',
  role: 'member',
  joinedAt: null,
  body: 'hello',
  kind: 'text',
  intent: 'post',
};

const step = (name: string, verdict: StepVerdict): MessagePipelineStep => ({ name, inspect: () => verdict });

describe('MessagePipeline', () => {
  it('stores when every step allows', async () => {
    const pipeline = new MessagePipeline();
    pipeline.use(step('a', { action: 'allow' }), step('b', { action: 'allow' }));
    expect(await pipeline.run(draft)).toMatchObject({
      decision: 'store',
      holds: [],
      flags: [],
      urgent: null,
    });
  });

  it('stops at the first block, without asking later steps', async () => {
    const pipeline = new MessagePipeline();
    let asked = false;
    pipeline.use(step('mute', { action: 'block', code: 'MUTED', message: 'muted' }), {
      name: 'later',
      inspect: () => {
        asked = true;
        return { action: 'allow' };
      },
    });
    expect(await pipeline.run(draft)).toMatchObject({ decision: 'block', block: { code: 'MUTED' } });
    expect(asked).toBe(false);
  });

  it('holds when a step holds, and collects flags', async () => {
    const pipeline = new MessagePipeline();
    pipeline.use(
      step('terms', { action: 'flag', reason: 'term' }),
      step('premod', { action: 'hold', reason: 'new member' }),
    );
    expect(await pipeline.run(draft)).toMatchObject({
      decision: 'hold',
      holds: ['new member'],
      flags: ['term'],
    });
  });

  it('never holds or term-blocks an urgent message, but keeps a mute', async () => {
    const finding = { category: 'suicide', tier: 'urgent', language: 'en', intrusive: false } as const;
    const urgent = new MessagePipeline();
    urgent.use(
      step('crisis', { action: 'allow', urgent: finding }),
      step('terms', { action: 'block', code: 'BLOCKED', message: 'blocked term' }),
      step('premod', { action: 'hold', reason: 'new member' }),
    );
    expect(await urgent.run(draft)).toMatchObject({
      decision: 'store',
      flags: ['blocked term'],
      urgent: { category: 'suicide' },
    });

    const muted = new MessagePipeline();
    muted.use(
      step('crisis', { action: 'allow', urgent: finding }),
      step('mute', { action: 'block', code: 'MUTED', message: 'm' }),
    );
    expect(await muted.run(draft)).toMatchObject({ decision: 'block', urgent: { category: 'suicide' } });
  });

  it('asks only the steps that govern reactions', async () => {
    const pipeline = new MessagePipeline();
    pipeline.use(step('terms', { action: 'block', code: 'BLOCKED', message: 'x' }), {
      name: 'mute',
      inspect: () => ({ action: 'allow' }),
      inspectReaction: () => ({ action: 'block', code: 'MUTED', message: 'muted' }),
    });
    expect(await pipeline.mayReact(draft)).toMatchObject({ code: 'MUTED' });
  });

  it('keeps going when an observer fails', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const pipeline = new MessagePipeline();
    const seen: string[] = [];
    pipeline.observe({ observe: () => Promise.reject(new Error('boom')) });
    pipeline.observe({ observe: () => void seen.push('second') });
    await pipeline.notify({ draft, outcome: await pipeline.run(draft), message: null });
    expect(seen).toEqual(['second']);
  });
});
