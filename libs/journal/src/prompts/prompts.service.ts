import { createHash, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { In } from 'typeorm';

import { Clock, Transactions, ValidationFailedException, type SpokenLanguage } from '@hearth/core';
import { assertOpen, GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { JournalEntry } from '../entries/journal-entry.entity.js';
import { TherapySession } from '../therapy-sessions/therapy-session.entity.js';
import type { DuePromptView, PromptView, TodayPromptView } from './dto/prompt.view.js';
import { GroupPrompt } from './group-prompt.entity.js';
import { PROMPT_LIBRARY, type Prompt } from './prompt-library.js';

const fromLibrary = (p: Prompt, language: SpokenLanguage): PromptView => ({
  id: `lib:${p.id}`,
  category: p.category,
  text: p.text[language],
  daysAfterSession: p.daysAfterSession ?? null,
  groupId: null,
});

const fromGroup = (p: GroupPrompt): PromptView => ({
  id: `group:${p.id}`,
  category: 'group',
  text: p.text,
  daysAfterSession: p.daysAfterSession,
  groupId: p.groupId,
});

@Injectable()
export class PromptsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly policy: GroupPolicy,
    private readonly clock: Clock,
  ) {}

  /** The library, in the person's language, and the prompts of the groups I am in (as their facilitators wrote them). */
  async available(caller: Caller, language: SpokenLanguage = 'en'): Promise<PromptView[]> {
    const groupIds = await this.policy.activeGroupIds(caller.userId);
    const own = groupIds.length
      ? await this.transactions.run((manager) =>
          manager.find(GroupPrompt, { where: { groupId: In(groupIds) }, order: { createdAt: 'ASC' } }),
        )
      : [];
    return [...PROMPT_LIBRARY.map((p) => fromLibrary(p, language)), ...own.map(fromGroup)];
  }

  /** One prompt per person and day: the same all day, different for different people. */
  async today(caller: Caller, tz: string, language: SpokenLanguage = 'en'): Promise<TodayPromptView> {
    const date = this.localDate(tz);
    const prompts = await this.available(caller, language);
    const digest = createHash('sha256').update(`${caller.userId}:${date}`).digest();
    return { ...prompts[digest.readUInt32BE(0) % prompts.length], date };
  }

  /** Session-relative prompts whose day has come, not yet answered by an entry about that session. */
  async due(caller: Caller, tz: string, language: SpokenLanguage = 'en'): Promise<DuePromptView[]> {
    const today = this.localDate(tz);
    const prompts = (await this.available(caller, language)).filter((p) => p.daysAfterSession !== null);
    return this.transactions.run(async (manager) => {
      const sessions = await manager.find(TherapySession, {
        where: { userId: caller.userId },
        order: { heldOn: 'DESC' },
        take: 10,
      });
      const answered = await manager.find(JournalEntry, {
        where: { userId: caller.userId },
        select: { promptId: true, sessionId: true },
      });
      const done = new Set(answered.map((e) => `${e.sessionId}:${e.promptId}`));
      const due: DuePromptView[] = [];
      for (const session of sessions) {
        for (const prompt of prompts) {
          const dueOn = DateTime.fromISO(session.heldOn)
            .plus({ days: prompt.daysAfterSession! })
            .toISODate()!;
          if (
            dueOn <= today &&
            !done.has(`${session.id}:${prompt.id}`) &&
            DateTime.fromISO(today).diff(DateTime.fromISO(dueOn), 'days').days <= 14
          ) {
            due.push({ ...prompt, sessionId: session.id, dueOn });
          }
        }
      }
      return due.sort((a, b) => b.dueOn.localeCompare(a.dueOn));
    });
  }

  async addToGroup(
    caller: Caller,
    groupId: string,
    text: string,
    daysAfterSession: number | null,
  ): Promise<PromptView> {
    return this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      const prompt = manager.create(GroupPrompt, {
        id: randomUUID(),
        groupId,
        text,
        daysAfterSession,
        createdBy: caller.userId,
        createdAt: this.clock.now(),
      });
      await manager.insert(GroupPrompt, prompt);
      return fromGroup(prompt);
    });
  }

  private localDate(tz: string): string {
    const local = DateTime.fromJSDate(this.clock.now(), { zone: tz });
    if (!local.isValid)
      throw new ValidationFailedException([{ field: 'tz', message: 'tz must be an IANA time zone' }]);
    return local.toISODate()!;
  }
}
