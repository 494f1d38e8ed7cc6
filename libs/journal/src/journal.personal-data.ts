import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { open, PersonalDataRegistry, type PersonalDataContributor } from '@hearth/core';

import { safetyPlanMarkdown } from './safety-plan/safety-plan-markdown.js';

import { EntryCodec } from './entries/entry-codec.js';
import { JournalEntry } from './entries/journal-entry.entity.js';
import { JournalKeysService } from './keys/journal-keys.service.js';
import { MoodCheckin } from './mood/mood-checkin.entity.js';
import { SafetyPlanService } from './safety-plan/safety-plan.service.js';
import { TherapySession } from './therapy-sessions/therapy-session.entity.js';

/** My journal and safety plan, decrypted for me, as data and as Markdown. Erasure destroys my key: crypto-shredding. */
@Injectable()
export class JournalPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'journal';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly keys: JournalKeysService,
    private readonly codec: EntryCodec,
    private readonly safetyPlans: SafetyPlanService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string) {
    const manager = this.dataSource.manager;
    const keys = await this.keys.forUser(userId);
    const entries = await manager.find(JournalEntry, { where: { userId }, order: { createdAt: 'ASC' } });
    const sessions = await manager.find(TherapySession, { where: { userId }, order: { heldOn: 'ASC' } });
    const mood = await manager.find(MoodCheckin, { where: { userId }, order: { at: 'ASC' } });
    const read = (ct: string | null, context: string) =>
      ct ? open(keys.entries, ct, context).toString('utf8') : null;
    return {
      entries: entries.map((e) => ({
        id: e.id,
        ...this.codec.open(keys, e),
        mood: e.mood,
        sessionId: e.sessionId,
        meetingId: e.meetingId,
        promptId: e.promptId,
        createdAt: e.createdAt.toISOString(),
        updatedAt: e.updatedAt.toISOString(),
      })),
      sessions: sessions.map((s) => ({
        id: s.id,
        date: s.heldOn,
        kind: read(s.kindCt, `therapy_sessions:${s.id}:${s.version}:kind`),
        intention: read(s.intentionCt, `therapy_sessions:${s.id}:${s.version}:intention`),
        notes: read(s.notesCt, `therapy_sessions:${s.id}:${s.version}:notes`),
      })),
      mood: mood.map((m) => ({
        at: m.at.toISOString(),
        mood: m.mood,
        energy: m.energy,
        sleepHours: m.sleepHours,
        note: read(m.noteCt, `mood_checkins:${m.id}:1:note`),
        entryId: m.entryId,
      })),
      safetyPlan: await this.safetyPlans.planOf(userId),
    };
  }

  async exportMarkdown(userId: string): Promise<string | null> {
    const { entries, safetyPlan } = await this.export(userId);
    if (entries.length === 0 && !safetyPlan) return null;
    const parts = entries.map((e) =>
      [
        `## ${e.title ?? e.createdAt.slice(0, 10)}`,
        `*${e.createdAt}*${e.mood !== null ? ` · mood ${e.mood}/10` : ''}${e.tags.length ? ` · ${e.tags.map((t) => `#${t}`).join(' ')}` : ''}`,
        '',
        e.body,
      ].join('\n'),
    );
    const plan = safetyPlan ? `\n\n---\n\n${safetyPlanMarkdown(safetyPlan)}` : '';
    return `# My Hearth journal\n\n${parts.join('\n\n---\n\n')}${plan}\n`;
  }

  async erase(userId: string, manager: EntityManager): Promise<void> {
    await this.keys.destroy(userId, manager);
    await this.safetyPlans.erase(userId, manager);
    await manager.delete(MoodCheckin, { userId });
    await manager.delete(JournalEntry, { userId });
    await manager.delete(TherapySession, { userId });
  }
}
