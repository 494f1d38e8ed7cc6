import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { PersonalDataRegistry, type PersonalDataContributor } from '@hearth/core';

import { QuestionnaireSchedule } from './cadence/questionnaire-schedule.entity.js';
import { INSTRUMENTS } from './instruments/catalogue.js';
import { ResponseCodec } from './responses/response-codec.js';
import { QuestionnaireResponse } from './responses/questionnaire-response.entity.js';
import { ScoreShare } from './sharing/score-share.entity.js';

/** Her questionnaires in the export (answers, scores, schedules, consents); erasure removes them all. */
@Injectable()
export class QuestionnairesPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'questionnaires';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly codec: ResponseCodec,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string): Promise<unknown> {
    const [rows, schedules, shares] = await Promise.all([
      this.dataSource.manager.find(QuestionnaireResponse, {
        where: { userId },
        order: { completedAt: 'ASC' },
      }),
      this.dataSource.manager.findBy(QuestionnaireSchedule, { userId }),
      this.dataSource.manager.findBy(ScoreShare, { userId }),
    ]);
    const opened = await this.codec.open(userId, rows);
    return {
      responses: rows.map((row) => {
        const sealed = opened.get(row.id)!;
        return {
          id: row.id,
          instrument: INSTRUMENTS[row.instrument].name,
          language: row.language,
          completedAt: row.completedAt.toISOString(),
          groupId: row.groupId,
          answers: sealed.answers,
          score: sealed.score,
          band: sealed.band,
        };
      }),
      schedules: schedules.map((s) => ({
        instrument: INSTRUMENTS[s.instrument].name,
        everyDays: s.everyDays,
        startsAt: s.startsAt.toISOString(),
      })),
      sharedWith: shares.map((s) => ({ groupId: s.groupId, since: s.since.toISOString() })),
    };
  }

  async erase(userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(QuestionnaireResponse, { userId });
    await manager.delete(QuestionnaireSchedule, { userId });
    await manager.delete(ScoreShare, { userId });
  }
}
