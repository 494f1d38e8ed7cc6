import { Injectable, Logger } from '@nestjs/common';

import type { ErrorCode, MessageDto } from '@hearth/contracts';
import type { CodedMessage } from '@hearth/core';

/** A message on its way in, before anything is stored. */
export interface MessageDraft {
  groupId: string;
  userId: string;
  membershipId: string;
  pseudonym: string | null;
  role: 'facilitator' | 'member';
  /** When the author's membership became active; null if unknown. */
  joinedAt: Date | null;
  body: string;
  kind: 'text' | 'reflection';
  /**
   * A new message, or new text for one already in the timeline. An edit passes every check a post does (a mute,
   * a read-only room, blocked terms, crisis words, the budget); only pacing (slow mode) is for new messages.
   */
  intent: 'post' | 'edit';
}

/** Words of crisis found in a message: labels only (never the words), with the writer's language. */
export interface UrgentFinding {
  category: string;
  tier: 'urgent' | 'concern';
  language: 'en' | 'es';
  /** Intrusive thoughts of harm the writer finds frightening: they get their own gentle wording. */
  intrusive: boolean;
}

export type StepVerdict =
  | { action: 'allow'; urgent?: UrgentFinding }
  | {
      action: 'block';
      code: ErrorCode;
      /** With `coded()`, the refusal's own code, which the client translates. */
      message: string | CodedMessage;
      details?: Record<string, unknown>;
    }
  | { action: 'hold'; reason: string }
  | { action: 'flag'; reason: string };

/**
 * One check on every message before it is stored: one class, one purpose. The chat library owns this
 * interface; the moderation library provides the steps and registers them, in order, on the pipeline.
 */
export interface MessagePipelineStep {
  readonly name: string;
  inspect(draft: MessageDraft): StepVerdict | Promise<StepVerdict>;
  /** Reacting and typing are smaller kinds of posting; steps that also govern them (a mute) say so here. */
  inspectReaction?(
    actor: Pick<MessageDraft, 'groupId' | 'userId' | 'role'>,
  ): StepVerdict | Promise<StepVerdict>;
}

export interface PipelineOutcome {
  decision: 'store' | 'hold' | 'block';
  block?: Extract<StepVerdict, { action: 'block' }>;
  holds: string[];
  flags: string[];
  /** Set when a step found words of crisis: such a message is never held or filtered, only stored and cared for. */
  urgent: UrgentFinding | null;
}

/** Told about every attempt to post, after it was stored, held or refused. */
export interface MessageAttemptObserver {
  observe(attempt: {
    draft: MessageDraft;
    outcome: PipelineOutcome;
    message: MessageDto | null;
  }): Promise<void> | void;
}

@Injectable()
export class MessagePipeline {
  private readonly logger = new Logger(MessagePipeline.name);
  private readonly steps: MessagePipelineStep[] = [];
  private readonly observers: MessageAttemptObserver[] = [];

  use(...steps: MessagePipelineStep[]): void {
    this.steps.push(...steps);
  }

  observe(observer: MessageAttemptObserver): void {
    this.observers.push(observer);
  }

  get stepNames(): string[] {
    return this.steps.map((step) => step.name);
  }

  /**
   * Runs the steps in order. The first block stops the message. A message with words of crisis is never held,
   * and a blocked-term filter only flags it: people in crisis must not be silenced. Blocks that a facilitator
   * chose (a mute, a read-only room, slow mode) still apply; the person is cared for all the same.
   */
  async run(draft: MessageDraft): Promise<PipelineOutcome> {
    const outcome: PipelineOutcome = { decision: 'store', holds: [], flags: [], urgent: null };
    for (const step of this.steps) {
      // Most steps answer at once; awaiting only a promise spares every message a turn of the queue per step.
      const pending = step.inspect(draft);
      const verdict = pending instanceof Promise ? await pending : pending;
      if (verdict.action === 'allow') {
        if (verdict.urgent) outcome.urgent = verdict.urgent;
      } else if (verdict.action === 'hold') {
        outcome.holds.push(verdict.reason);
      } else if (verdict.action === 'flag') {
        outcome.flags.push(verdict.reason);
      } else if (outcome.urgent && verdict.code === 'BLOCKED') {
        outcome.flags.push(typeof verdict.message === 'string' ? verdict.message : verdict.message.message);
      } else {
        return { ...outcome, decision: 'block', block: verdict };
      }
    }
    if (outcome.holds.length > 0 && !outcome.urgent) outcome.decision = 'hold';
    return outcome;
  }

  async mayReact(
    actor: Pick<MessageDraft, 'groupId' | 'userId' | 'role'>,
  ): Promise<Extract<StepVerdict, { action: 'block' }> | null> {
    for (const step of this.steps) {
      const verdict = step.inspectReaction ? await step.inspectReaction(actor) : null;
      if (verdict?.action === 'block') return verdict;
    }
    return null;
  }

  /** Observers never fail a send: what they do (alerts, reports) is logged if it goes wrong. */
  async notify(attempt: {
    draft: MessageDraft;
    outcome: PipelineOutcome;
    message: MessageDto | null;
  }): Promise<void> {
    for (const observer of this.observers) {
      try {
        await observer.observe(attempt);
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        this.logger.error(
          { err: { type: err.name, message: err.message, stack: err.stack }, groupId: attempt.draft.groupId },
          'Message observer failed',
        );
      }
    }
  }
}
