import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import type { ScoreShareDto, SharedScoresDto } from '@hearth/contracts';
import { Clock, Transactions } from '@hearth/core';
import { GroupPolicy } from '@hearth/groups';
import { AccessLog, type Caller } from '@hearth/identity';
import { IncidentsService } from '@hearth/moderation';

import { INSTRUMENTS } from '../instruments/catalogue.js';
import type { InstrumentId, Language } from '../instruments/instrument.js';
import { ResponseCodec } from '../responses/response-codec.js';
import { QuestionnaireResponse } from '../responses/questionnaire-response.entity.js';
import { ScoreShare } from './score-share.entity.js';

/**
 * Sharing scores by consent: per group, withdrawable, honoured at once (every read checks the consent). A
 * group's facilitators see, for those who share, the latest score, its band, the trend and any self-harm answer;
 * nothing at all of those who do not. Each look is in the member's access log.
 */
@Injectable()
export class SharingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly policy: GroupPolicy,
    private readonly codec: ResponseCodec,
    private readonly accessLog: AccessLog,
    private readonly incidents: IncidentsService,
  ) {}

  async mine(caller: Caller): Promise<ScoreShareDto[]> {
    const rows = await this.dataSource.manager.find(ScoreShare, {
      where: { userId: caller.userId },
      order: { since: 'ASC' },
    });
    const groups = await Promise.all(rows.map((row) => this.policy.group(row.groupId)));
    return rows.map((row, i) => ({
      groupId: row.groupId,
      groupName: groups[i]?.name ?? '',
      since: row.since.toISOString(),
    }));
  }

  async share(caller: Caller, groupId: string): Promise<ScoreShareDto> {
    const membership = await this.policy.membershipOf(groupId, caller.userId);
    if (membership?.status !== 'active') throw new NotFoundException('Group not found');
    await this.transactions.run(async (manager) => {
      if (!(await manager.existsBy(ScoreShare, { userId: caller.userId, groupId })))
        await manager.insert(ScoreShare, { userId: caller.userId, groupId, since: this.clock.now() });
    });
    return (await this.mine(caller)).find((share) => share.groupId === groupId)!;
  }

  async withdraw(caller: Caller, groupId: string): Promise<void> {
    await this.end(caller.userId, groupId);
  }

  /** Her consent to this group ends (she withdrew it, or her membership ended). */
  async end(userId: string, groupId: string): Promise<void> {
    await this.transactions.run((manager) => manager.delete(ScoreShare, { userId, groupId }));
  }

  /**
   * For a group's facilitators: the active members who share their scores with this group. Only those who
   * facilitate it, not admins as such: she consented to her facilitators seeing them. Bands are named in `language`.
   */
  async shared(caller: Caller, groupId: string, language: Language = 'en'): Promise<SharedScoresDto[]> {
    await this.policy.authorize(caller, groupId, 'manage');
    if (!(await this.policy.activeFacilitatorIds(groupId)).includes(caller.userId))
      throw new ForbiddenException(
        'Only this group’s facilitators see the scores its members share with them',
      );
    const shares = await this.dataSource.manager.findBy(ScoreShare, { groupId });
    if (shares.length === 0) return [];
    const memberships = (await this.policy.activeMemberships(groupId)).filter((m) =>
      shares.some((s) => s.userId === m.userId),
    );
    const result: SharedScoresDto[] = [];
    for (const membership of memberships) {
      const share = shares.find((s) => s.userId === membership.userId)!;
      const rows = await this.dataSource.manager.find(QuestionnaireResponse, {
        where: { userId: membership.userId, instrument: In(Object.keys(INSTRUMENTS)) },
        order: { completedAt: 'DESC' },
      });
      const opened = await this.codec.open(membership.userId, rows);
      const toldGroups = await this.incidents.groupsOf(
        rows.flatMap((row) => (row.incidentId ? [row.incidentId] : [])),
      );
      const byInstrument = new Map<InstrumentId, QuestionnaireResponse[]>();
      for (const row of rows)
        byInstrument.set(row.instrument, [...(byInstrument.get(row.instrument) ?? []), row]);
      result.push({
        membershipId: membership.id,
        pseudonym: membership.pseudonym,
        since: share.since.toISOString(),
        instruments: [...byInstrument].map(([id, [latest, previous]]) => {
          const instrument = INSTRUMENTS[id];
          const now = opened.get(latest.id)!;
          const before = previous ? opened.get(previous.id)! : null;
          // A self-harm answer is shown only where this group's facilitators were told of it already (this group
          // asked, or she chose to tell this group): sharing scores never tells them what she was promised stays
          // with her, nor what she told another group's facilitators.
          const toldThisGroup = latest.incidentId !== null && toldGroups.get(latest.incidentId) === groupId;
          const tier = toldThisGroup ? instrument.safetyItem.tierByScore[now.safetyItemScore] : null;
          return {
            instrument: id,
            name: instrument.name,
            latest: {
              score: now.score,
              maxScore: instrument.maxScore,
              band: instrument.bands.find((b) => b.id === now.band)!.label[language],
              completedAt: latest.completedAt.toISOString(),
            },
            previous: before?.score ?? null,
            // Lower is better on every instrument here; a small change is noise.
            trend: !before
              ? null
              : now.score <= before.score - instrument.meaningfulChange
                ? 'better'
                : now.score >= before.score + instrument.meaningfulChange
                  ? 'worse'
                  : 'steady',
            safety: tier ? { tier, completedAt: latest.completedAt.toISOString() } : null,
          };
        }),
      });
    }
    await this.accessLog.record(
      caller,
      result.map((r) => ({
        subjectUserId: memberships.find((m) => m.id === r.membershipId)!.userId,
        kind: 'scores' as const,
        groupId,
      })),
    );
    return result;
  }
}
