import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';

import { Clock, coded, isUniqueViolation, Transactions } from '@hearth/core';
import { AccessLog, UsersService, type Caller } from '@hearth/identity';

import { GroupEvents, JoinRequestCreatedEvent, JoinRequestDecidedEvent } from '../events.js';
import { assertOpen } from '../groups/groups.service.js';
import { GroupKeys } from '../keys/group-keys.service.js';
import { Admissions, assertMayJoin, isPseudonymTaken, PSEUDONYM_TAKEN } from '../memberships/admissions.js';
import { can, GroupPolicy } from '../policy/group-policy.js';
import type { CreateJoinRequestDto, ListJoinRequestsQuery } from './dto/join-request.dto.js';
import type { JoinRequestView } from './dto/join-request.view.js';
import { JoinRequest } from './join-request.entity.js';

@Injectable()
export class JoinRequestsService {
  constructor(
    private readonly policy: GroupPolicy,
    private readonly admissions: Admissions,
    private readonly users: UsersService,
    private readonly transactions: Transactions,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly accessLog: AccessLog,
    private readonly keys: GroupKeys,
  ) {}

  /** Asks to join a listed group. Unlisted groups are joined by invite only. */
  async create(caller: Caller, groupId: string, dto: CreateJoinRequestDto): Promise<JoinRequestView> {
    try {
      const request = await this.transactions.run(async (manager) => {
        const { group, membership } = await this.policy.authorize(caller, groupId, 'view', manager);
        assertOpen(group);
        if (group.visibility !== 'listed') {
          throw new ConflictException(coded('GROUP_INVITE_ONLY', 'This group is joined by invitation only'));
        }
        assertMayJoin(membership);
        await this.admissions.assertPseudonymFree(manager, groupId, dto.pseudonym, caller.userId);
        const request = manager.create(JoinRequest, {
          id: randomUUID(),
          groupId,
          userId: caller.userId,
          pseudonym: dto.pseudonym,
          message: dto.message ?? null,
          status: 'pending',
          createdAt: this.clock.now(),
          decidedBy: null,
          decidedAt: null,
          decisionNote: null,
        });
        await manager.insert(JoinRequest, {
          ...request,
          message: await this.keys.seal(
            groupId,
            requestPlace(request.id, 'message'),
            request.message,
            manager,
          ),
        });
        return request;
      });
      this.events.emit(
        GroupEvents.joinRequestCreated,
        new JoinRequestCreatedEvent(groupId, request.id, caller.userId, request.pseudonym),
      );
      return toView(request);
    } catch (error) {
      if (isUniqueViolation(error, 'join_requests')) {
        throw new ConflictException(coded('ALREADY_ASKED', 'You have already asked to join this group'));
      }
      throw error;
    }
  }

  /** Facilitators see every request, with who asked (logged in the access log); an applicant sees their own. */
  async list(caller: Caller, groupId: string, query: ListJoinRequestsQuery): Promise<JoinRequestView[]> {
    const access = await this.policy.authorize(caller, groupId, 'view');
    const staff = can(access, 'manage');
    const requests = await this.transactions.run((manager) =>
      manager.find(JoinRequest, {
        where: {
          groupId,
          ...(query.status ? { status: query.status } : {}),
          ...(staff ? {} : { userId: caller.userId }),
        },
        order: { createdAt: 'ASC' },
      }),
    );
    const accounts = staff ? await this.users.findMany(requests.map((r) => r.userId)) : new Map();
    await this.accessLog.record(
      caller,
      requests
        .filter((r) => accounts.has(r.userId))
        .map((r) => ({ subjectUserId: r.userId, kind: 'identity' as const, resourceId: r.id, groupId })),
    );
    const views = await Promise.all(requests.map((request) => this.opened(request)));
    return views.map((view, i) => {
      const account = accounts.get(requests[i].userId);
      return {
        ...view,
        ...(account
          ? { applicant: { userId: account.id, displayName: account.displayName, email: account.email } }
          : {}),
      };
    });
  }

  /** Approving takes a seat at once; the applicant then accepts the agreement to become active. */
  async approve(caller: Caller, groupId: string, requestId: string, note?: string): Promise<JoinRequestView> {
    try {
      const { request, view } = await this.transactions.run(async (manager) => {
        const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
        assertOpen(group);
        const pending = await this.pending(manager, groupId, requestId);
        await this.admissions.admit(manager, group, pending.userId, pending.pseudonym);
        return { request: pending, view: await this.decide(manager, pending, 'approved', caller, note) };
      });
      this.decided(request, 'approved');
      return view;
    } catch (error) {
      if (isPseudonymTaken(error)) throw new ConflictException(coded('PSEUDONYM_TAKEN', PSEUDONYM_TAKEN));
      throw error;
    }
  }

  async decline(caller: Caller, groupId: string, requestId: string, note?: string): Promise<JoinRequestView> {
    const { request, view } = await this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const pending = await this.pending(manager, groupId, requestId);
      return { request: pending, view: await this.decide(manager, pending, 'declined', caller, note) };
    });
    this.decided(request, 'declined');
    return view;
  }

  /** Tells the rest of Hearth, once committed (the applicant hears of it). */
  private decided(request: JoinRequest, status: 'approved' | 'declined'): void {
    this.events.emit(
      GroupEvents.joinRequestDecided,
      new JoinRequestDecidedEvent(request.groupId, request.id, request.userId, status),
    );
  }

  /** The applicant takes their request back. */
  async withdraw(caller: Caller, groupId: string, requestId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'view', manager);
      const request = await this.pending(manager, groupId, requestId);
      if (request.userId !== caller.userId)
        throw new NotFoundException(coded('JOIN_REQUEST_NOT_FOUND', 'Join request not found'));
      await manager.update(
        JoinRequest,
        { id: request.id },
        { status: 'withdrawn', decidedAt: this.clock.now() },
      );
    });
  }

  private async pending(manager: EntityManager, groupId: string, requestId: string): Promise<JoinRequest> {
    const request = await manager.findOneBy(JoinRequest, { id: requestId, groupId });
    if (!request) throw new NotFoundException(coded('JOIN_REQUEST_NOT_FOUND', 'Join request not found'));
    if (request.status !== 'pending')
      throw new ConflictException(
        coded('JOIN_REQUEST_DECIDED', `This request was already ${request.status}`),
      );
    return request;
  }

  private async decide(
    manager: EntityManager,
    request: JoinRequest,
    status: 'approved' | 'declined',
    caller: Caller,
    note?: string,
  ): Promise<JoinRequestView> {
    const decision = {
      status,
      decidedBy: caller.userId,
      decidedAt: this.clock.now(),
      decisionNote: note ?? null,
    };
    const sealedNote = await this.keys.seal(
      request.groupId,
      requestPlace(request.id, 'decision_note'),
      decision.decisionNote,
      manager,
    );
    const updated = await manager.update(
      JoinRequest,
      { id: request.id, status: 'pending' },
      { ...decision, decisionNote: sealedNote },
    );
    if (!updated.affected)
      throw new ConflictException(coded('JOIN_REQUEST_DECIDED', 'This request was decided meanwhile'));
    return this.opened(Object.assign(request, decision));
  }

  /** The view, with the applicant's message and the decision note opened with the group's key. */
  private async opened(request: JoinRequest): Promise<JoinRequestView> {
    return toView({
      ...request,
      message: await this.keys.open(request.groupId, requestPlace(request.id, 'message'), request.message),
      decisionNote: await this.keys.open(
        request.groupId,
        requestPlace(request.id, 'decision_note'),
        request.decisionNote,
      ),
    });
  }
}

export const requestPlace = (id: string, field: 'message' | 'decision_note') => ({
  table: 'join_requests',
  id,
  field,
});

function toView(request: JoinRequest): JoinRequestView {
  return {
    id: request.id,
    groupId: request.groupId,
    pseudonym: request.pseudonym,
    message: request.message,
    status: request.status,
    createdAt: request.createdAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
    decisionNote: request.decisionNote,
  };
}
