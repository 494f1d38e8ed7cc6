import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type {
  CrisisResourceSetDto,
  QuestionnaireHistoryDto,
  QuestionnaireResponseDto,
} from '@hearth/contracts';
import { Clock, Transactions, ValidationFailedException } from '@hearth/core';
import { GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';
import { IncidentsService, SafetyResources } from '@hearth/moderation';

import { Cadences } from '../cadence/cadences.service.js';
import { bandView, Catalogue, INSTRUMENTS, instrumentOf } from '../instruments/catalogue.js';
import {
  answerProblem,
  bandOf,
  progress,
  score,
  type InstrumentId,
  type Language,
} from '../instruments/instrument.js';
import type { ResponsesQuery, SubmitResponseBody } from './dto/response.dto.js';
import { ResponseCodec, type SealedAnswers } from './response-codec.js';
import { QuestionnaireResponse } from './questionnaire-response.entity.js';

/**
 * Completing questionnaires, and what follows: the score and its band; on an answer above zero to the
 * self-harm item, the crisis lines at once and, if a group asked for it, an incident for that group's
 * facilitators (the same flow as a crisis message). Taken on her own, nothing leaves unless she chooses to
 * tell a group's facilitators.
 */
@Injectable()
export class ResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly catalogue: Catalogue,
    private readonly codec: ResponseCodec,
    private readonly cadences: Cadences,
    private readonly policy: GroupPolicy,
    private readonly incidents: IncidentsService,
    private readonly resources: SafetyResources,
  ) {}

  async submit(caller: Caller, body: SubmitResponseBody): Promise<QuestionnaireResponseDto> {
    const instrument = instrumentOf(body.instrument);
    const problem = answerProblem(instrument, body.answers);
    if (problem) throw new ValidationFailedException([{ field: 'answers', message: problem }]);
    const { language } = await this.catalogue.wording(instrument, body.language ?? 'en');
    if (body.groupId) await this.cadences.assertAssigned(caller, body.groupId, instrument.id);
    const scored = score(instrument, body.answers);
    const id = randomUUID();
    const row = await this.transactions.run(async (manager) => {
      const created = manager.create(QuestionnaireResponse, {
        id,
        userId: caller.userId,
        instrument: instrument.id,
        language,
        groupId: body.groupId ?? null,
        sealed: await this.codec.seal(
          caller.userId,
          id,
          {
            answers: body.answers,
            score: scored.score,
            band: scored.band.id,
            safetyItemScore: scored.safety.itemScore,
          },
          manager,
        ),
        incidentId: null,
        completedAt: this.clock.now(),
      });
      await manager.insert(QuestionnaireResponse, created);
      return created;
    });
    if (scored.safety.tier && row.groupId) await this.openIncident(row, row.groupId, scored.safety.tier);
    return (await this.views(caller, [row], { withResources: true }))[0];
  }

  async list(caller: Caller, query: ResponsesQuery): Promise<QuestionnaireResponseDto[]> {
    return this.views(caller, await this.rows(caller.userId, query.instrument), { withResources: false });
  }

  /** Per instrument, every score in order, and the change since the first. */
  async history(caller: Caller, language: Language): Promise<QuestionnaireHistoryDto[]> {
    const rows = await this.rows(caller.userId);
    const opened = await this.codec.open(caller.userId, rows);
    const byInstrument = new Map<InstrumentId, QuestionnaireResponse[]>();
    for (const row of [...rows].reverse())
      byInstrument.set(row.instrument, [...(byInstrument.get(row.instrument) ?? []), row]);
    return [...byInstrument].map(([id, series]) => {
      const instrument = INSTRUMENTS[id];
      const points = series.map((row) => {
        const sealed = opened.get(row.id)!;
        return {
          responseId: row.id,
          completedAt: row.completedAt.toISOString(),
          score: sealed.score,
          band: sealed.band,
        };
      });
      const first = points[0].score;
      const latest = points[points.length - 1].score;
      const change = progress(instrument, first, latest);
      // A low score beside a self-harm answer above zero is no recovery: the answer matters more than the total.
      const harmNow = opened.get(series[series.length - 1].id)!.safetyItemScore > 0;
      return {
        instrument: id,
        name: instrument.name,
        maxScore: instrument.maxScore,
        bands: instrument.bands.map((band) => bandView(band, language)),
        points,
        first,
        latest,
        ...change,
        response: change.response && !harmNow,
        remission: change.remission && !harmNow,
      };
    });
  }

  /** She chooses to let one group's facilitators know about a self-harm answer she gave on her own. */
  async tell(caller: Caller, responseId: string, groupId: string): Promise<QuestionnaireResponseDto> {
    const row = await this.mine(caller, responseId);
    const sealed = (await this.codec.open(caller.userId, [row])).get(row.id)!;
    const tier = INSTRUMENTS[row.instrument].safetyItem.tierByScore[sealed.safetyItemScore];
    if (!tier)
      throw new ValidationFailedException([
        { field: 'id', message: 'This response has no answer about self-harm to tell anyone of' },
      ]);
    if (row.incidentId) throw new ConflictException('Your facilitators already know about this response');
    const membership = await this.policy.membershipOf(groupId, caller.userId);
    if (membership?.status !== 'active') throw new NotFoundException('Group not found');
    await this.openIncident(row, groupId, tier);
    return (await this.views(caller, [row], { withResources: true }))[0];
  }

  async remove(caller: Caller, responseId: string): Promise<void> {
    const row = await this.mine(caller, responseId);
    await this.transactions.run((manager) => manager.delete(QuestionnaireResponse, { id: row.id }));
  }

  /** Her responses, newest first (of one instrument, if asked). */
  rows(userId: string, instrument?: InstrumentId): Promise<QuestionnaireResponse[]> {
    return this.dataSource.manager.find(QuestionnaireResponse, {
      where: { userId, ...(instrument ? { instrument } : {}) },
      order: { completedAt: 'DESC' },
    });
  }

  private async mine(caller: Caller, id: string): Promise<QuestionnaireResponse> {
    const row = await this.dataSource.manager.findOneBy(QuestionnaireResponse, { id, userId: caller.userId });
    if (!row) throw new NotFoundException('Response not found');
    return row;
  }

  private async openIncident(row: QuestionnaireResponse, groupId: string, tier: 'urgent' | 'concern') {
    const membership = await this.policy.membershipOf(groupId, row.userId);
    const incident = await this.incidents.open(
      { groupId, userId: row.userId, membershipId: membership?.id ?? null, messageId: null },
      'questionnaire',
      'suicide',
      null,
      { tier, language: row.language, intrusive: false },
    );
    row.incidentId = incident.id;
    await this.transactions.run((manager) =>
      manager.update(QuestionnaireResponse, { id: row.id }, { incidentId: incident.id }),
    );
  }

  private async views(
    caller: Caller,
    rows: QuestionnaireResponse[],
    { withResources }: { withResources: boolean },
  ): Promise<QuestionnaireResponseDto[]> {
    const opened = await this.codec.open(caller.userId, rows);
    let groups: { groupId: string; name: string }[] | null = null;
    const resources = new Map<string, Promise<CrisisResourceSetDto>>();
    const resourcesFor = (row: QuestionnaireResponse) => {
      const key = `${row.groupId ?? ''}:${row.language}`;
      if (!resources.has(key))
        resources.set(
          key,
          row.groupId
            ? this.resources.forGroup(row.groupId, row.language).then(({ country, resources: list }) => ({
                country,
                resources: list,
              }))
            : this.resources.forInstance(row.language),
        );
      return resources.get(key)!;
    };
    const result: QuestionnaireResponseDto[] = [];
    for (const row of rows) {
      const sealed: SealedAnswers = opened.get(row.id)!;
      const instrument = INSTRUMENTS[row.instrument];
      const tier = instrument.safetyItem.tierByScore[sealed.safetyItemScore];
      let safety: QuestionnaireResponseDto['safety'] = null;
      if (tier) {
        if (!row.incidentId) groups ??= await this.activeGroups(caller.userId);
        safety = {
          tier,
          resources: withResources ? await resourcesFor(row) : { country: '', resources: [] },
          facilitatorsTold: row.incidentId !== null,
          canTell: row.incidentId ? [] : (groups ?? []),
        };
      }
      result.push({
        id: row.id,
        instrument: row.instrument,
        language: row.language,
        completedAt: row.completedAt.toISOString(),
        groupId: row.groupId,
        answers: sealed.answers,
        score: sealed.score,
        maxScore: instrument.maxScore,
        band: bandView(bandOf(instrument, sealed.score), row.language),
        safety,
      });
    }
    return result;
  }

  private async activeGroups(userId: string): Promise<{ groupId: string; name: string }[]> {
    const ids = await this.policy.activeGroupIds(userId);
    const groups = await Promise.all(ids.map((id) => this.policy.group(id)));
    return groups.flatMap((group) => (group ? [{ groupId: group.id, name: group.name }] : []));
  }
}
