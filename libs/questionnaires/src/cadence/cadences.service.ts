import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';

import type { QuestionnaireCadenceDto } from '@hearth/contracts';
import { Clock, Transactions, ValidationFailedException, type SpokenLanguage } from '@hearth/core';
import { AgreementsService, assertOpen, GroupPolicy } from '@hearth/groups';
import type { Caller } from '@hearth/identity';

import { Catalogue, instrumentOf } from '../instruments/catalogue.js';
import type { InstrumentId } from '../instruments/instrument.js';
import { QuestionnaireResponse } from '../responses/questionnaire-response.entity.js';
import { withAssignments } from './agreement-section.js';
import { dueSince } from './due.js';
import { QuestionnaireAssignment } from './questionnaire-assignment.entity.js';
import { QuestionnaireSchedule } from './questionnaire-schedule.entity.js';

/** A questionnaire that is due for one person now, and why (for reminders). */
export interface DueQuestionnaire {
  userId: string;
  instrument: InstrumentId;
  dueSince: Date;
  /** The group that asks for it; null for her own schedule. */
  groupId: string | null;
}

/**
 * The rhythms questionnaires come in: a member's own schedule ("the PHQ-9 every 14 days"), and a group's
 * assignment, stated in its agreement so that members consent by accepting it.
 */
@Injectable()
export class Cadences {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly catalogue: Catalogue,
    private readonly policy: GroupPolicy,
    private readonly agreements: AgreementsService,
  ) {}

  /** My schedules and my groups' assignments, each with since when it is due. */
  async mine(caller: Caller): Promise<QuestionnaireCadenceDto[]> {
    const now = this.clock.now();
    const [schedules, groupIds] = await Promise.all([
      this.dataSource.manager.findBy(QuestionnaireSchedule, { userId: caller.userId }),
      this.policy.activeGroupIds(caller.userId),
    ]);
    const assignments = groupIds.length
      ? await this.dataSource.manager.find(QuestionnaireAssignment, {
          where: { groupId: In(groupIds), endedAt: IsNull() },
          order: { startsAt: 'ASC' },
        })
      : [];
    const latest = await this.latestResponses([caller.userId]);
    const names = new Map(
      (await Promise.all(groupIds.map((id) => this.policy.group(id)))).flatMap((g) =>
        g ? [[g.id, g.name]] : [],
      ),
    );
    const due = (instrument: InstrumentId, rhythm: { startsAt: Date; everyDays: number }) =>
      dueSince(rhythm, latest.get(`${caller.userId}:${instrument}`) ?? null, now)?.toISOString() ?? null;
    return [
      ...schedules.map((s) => ({
        id: s.instrument,
        instrument: s.instrument,
        everyDays: s.everyDays,
        startsAt: s.startsAt.toISOString(),
        dueSince: due(s.instrument, s),
        groupId: null,
        groupName: null,
      })),
      ...assignments.map((a) => ({
        id: a.id,
        instrument: a.instrument,
        everyDays: a.everyDays,
        startsAt: a.startsAt.toISOString(),
        dueSince: due(a.instrument, a),
        groupId: a.groupId,
        groupName: names.get(a.groupId) ?? null,
      })),
    ];
  }

  async schedule(
    caller: Caller,
    instrument: InstrumentId,
    everyDays: number,
  ): Promise<QuestionnaireCadenceDto> {
    await this.catalogue.wording(instrumentOf(instrument), 'en');
    await this.transactions.run((manager) =>
      manager.save(
        manager.create(QuestionnaireSchedule, {
          userId: caller.userId,
          instrument,
          everyDays,
          startsAt: this.clock.now(),
        }),
      ),
    );
    return (await this.mine(caller)).find((c) => c.groupId === null && c.instrument === instrument)!;
  }

  async unschedule(caller: Caller, instrument: InstrumentId): Promise<void> {
    await this.transactions.run((manager) =>
      manager.delete(QuestionnaireSchedule, { userId: caller.userId, instrument }),
    );
  }

  async assignments(caller: Caller, groupId: string): Promise<QuestionnaireCadenceDto[]> {
    const { group } = await this.policy.authorize(caller, groupId, 'view');
    const rows = await this.dataSource.manager.find(QuestionnaireAssignment, {
      where: { groupId, endedAt: IsNull() },
      order: { startsAt: 'ASC' },
    });
    return rows.map((a) => ({
      id: a.id,
      instrument: a.instrument,
      everyDays: a.everyDays,
      startsAt: a.startsAt.toISOString(),
      dueSince: null,
      groupId,
      groupName: group.name,
    }));
  }

  /** A facilitator asks the group for an instrument; the agreement says so in a new version. */
  async assign(
    caller: Caller,
    groupId: string,
    instrument: InstrumentId,
    everyDays: number,
    language: SpokenLanguage = 'en',
  ): Promise<QuestionnaireCadenceDto> {
    const { group } = await this.policy.authorize(caller, groupId, 'manage');
    assertOpen(group);
    await this.catalogue.wording(instrumentOf(instrument), 'en');
    const active = await this.active(groupId);
    if (active.some((a) => a.instrument === instrument))
      throw new ConflictException(`This group already asks for the ${instrumentOf(instrument).name}`);
    const row = this.dataSource.manager.create(QuestionnaireAssignment, {
      id: randomUUID(),
      groupId,
      instrument,
      everyDays,
      startsAt: this.clock.now(),
      createdBy: caller.userId,
      endedAt: null,
    });
    await this.restateAgreement(caller, groupId, [...active, row], language);
    await this.transactions.run((manager) => manager.insert(QuestionnaireAssignment, row));
    return (await this.assignments(caller, groupId)).find((a) => a.id === row.id)!;
  }

  async unassign(
    caller: Caller,
    groupId: string,
    assignmentId: string,
    language: SpokenLanguage = 'en',
  ): Promise<void> {
    await this.policy.authorize(caller, groupId, 'manage');
    const active = await this.active(groupId);
    if (!active.some((a) => a.id === assignmentId)) throw new NotFoundException('Assignment not found');
    await this.restateAgreement(
      caller,
      groupId,
      active.filter((a) => a.id !== assignmentId),
      language,
    );
    await this.transactions.run((manager) =>
      manager.update(QuestionnaireAssignment, { id: assignmentId }, { endedAt: this.clock.now() }),
    );
  }

  /** A response "for a group" must answer an assignment of a group she is an active member of. */
  async assertAssigned(caller: Caller, groupId: string, instrument: InstrumentId): Promise<void> {
    const membership = await this.policy.membershipOf(groupId, caller.userId);
    const assigned = await this.dataSource.manager.existsBy(QuestionnaireAssignment, {
      groupId,
      instrument,
      endedAt: IsNull(),
    });
    if (membership?.status !== 'active' || !assigned)
      throw new ValidationFailedException([
        {
          field: 'groupId',
          message: `This group does not ask its members for the ${instrumentOf(instrument).name}`,
        },
      ]);
  }

  /** Every questionnaire due now, for everyone: schedules, and assignments for each active member. */
  async dueNow(): Promise<DueQuestionnaire[]> {
    const now = this.clock.now();
    const schedules = await this.dataSource.manager.find(QuestionnaireSchedule);
    const assignments = await this.dataSource.manager.find(QuestionnaireAssignment, {
      where: { endedAt: IsNull() },
    });
    // An assignment is asked of the members who accepted the agreement that states it (their consent).
    const memberships = new Map<string, Awaited<ReturnType<GroupPolicy['activeMemberships']>>>();
    for (const groupId of new Set(assignments.map((a) => a.groupId)))
      memberships.set(groupId, await this.policy.activeMemberships(groupId));
    const members = new Map(
      assignments.map((a) => [
        a.id,
        (memberships.get(a.groupId) ?? [])
          .filter((m) => m.agreementAcceptedAt !== null && m.agreementAcceptedAt >= a.startsAt)
          .map((m) => m.userId),
      ]),
    );
    const people = [...new Set([...schedules.map((s) => s.userId), ...[...members.values()].flat()])];
    const latest = await this.latestResponses(people);
    const due: DueQuestionnaire[] = [];
    const add = (
      userId: string,
      rhythm: QuestionnaireSchedule | QuestionnaireAssignment,
      groupId: string | null,
    ) => {
      const since = dueSince(rhythm, latest.get(`${userId}:${rhythm.instrument}`) ?? null, now);
      if (since) due.push({ userId, instrument: rhythm.instrument, dueSince: since, groupId });
    };
    for (const s of schedules) add(s.userId, s, null);
    for (const a of assignments) for (const userId of members.get(a.id) ?? []) add(userId, a, a.groupId);
    return due;
  }

  private active(groupId: string): Promise<QuestionnaireAssignment[]> {
    return this.dataSource.manager.find(QuestionnaireAssignment, {
      where: { groupId, endedAt: IsNull() },
      order: { startsAt: 'ASC' },
    });
  }

  private async restateAgreement(
    caller: Caller,
    groupId: string,
    assignments: QuestionnaireAssignment[],
    language: SpokenLanguage,
  ): Promise<void> {
    const current = await this.agreements.current(caller, groupId);
    await this.agreements.publish(caller, groupId, withAssignments(current.text, assignments, language));
  }

  /** The latest response time per `user:instrument`, for the people asked about. */
  private async latestResponses(userIds: string[]): Promise<Map<string, Date>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.dataSource.manager
      .createQueryBuilder(QuestionnaireResponse, 'r')
      .select('r.user_id', 'userId')
      .addSelect('r.instrument', 'instrument')
      .addSelect('MAX(r.completed_at)', 'latest')
      .where('r.user_id IN (:...userIds)', { userIds })
      .groupBy('r.user_id')
      .addGroupBy('r.instrument')
      .getRawMany<{ userId: string; instrument: string; latest: string | Date }>();
    return new Map(rows.map((row) => [`${row.userId}:${row.instrument}`, toDate(row.latest)]));
  }
}

/** SQLite answers MAX over a timestamp as text ("2026-12-03 02:14:00.000", UTC); PostgreSQL as a Date. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);
}
