import { ManualClock } from '@hearth/core';
import type { MessageDraft } from '@hearth/chat';

import type { Mute } from '../mutes/mute.entity.js';
import { DEFAULT_SETTINGS, type EffectiveSettings, type ModerationState } from '../state/moderation-state.js';
import { compileTerm, type CompiledTerm } from '../text/blocked-terms.js';

export const NOW = '2026-06-01T12:00:00.000Z';

export function draft(fields: Partial<MessageDraft> = {}): MessageDraft {
  return {
    groupId: 'g1',
    userId: 'u1',
    membershipId: 'm1',
    pseudonym: 'Wren',
    role: 'member',
    joinedAt: new Date('2026-01-01T00:00:00Z'),
    body: 'hello',
    kind: 'text',
    intent: 'post',
    ...fields,
  };
}

/** A stand-in for ModerationState that answers from plain values (unit tests only). */
export function fakeState(values: {
  settings?: Partial<EffectiveSettings>;
  mute?: Partial<Mute> | null;
  terms?: CompiledTerm[];
  lastPostAt?: number | null;
  repeats?: number;
}): ModerationState {
  return {
    settings: async () => ({ ...DEFAULT_SETTINGS, ...values.settings }),
    activeMute: async () => (values.mute ? (values.mute as Mute) : null),
    terms: async () => values.terms ?? [compileTerm('idiot', 'block')],
    lastPostAt: async () => values.lastPostAt ?? null,
    repeats: async () => values.repeats ?? 0,
  } as unknown as ModerationState;
}

export const clockAt = (at: string = NOW) => new ManualClock(at);
