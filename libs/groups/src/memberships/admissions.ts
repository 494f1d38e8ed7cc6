import { randomUUID } from 'node:crypto';

import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';

import { Clock, coded } from '@hearth/core';

import { Group } from '../groups/group.entity.js';
import { Membership, type GroupRole } from './membership.entity.js';
import { pseudonymKey } from './pseudonym.js';

/** Whether a failed write collided with another member's pseudonym in the same group. */
export function isPseudonymTaken(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string; message?: string };
  if (driverError.code === '23505') return driverError.constraint === 'UQ_memberships_group_pseudonym';
  return /UNIQUE constraint failed: .*memberships\.pseudonym_key/.test(driverError.message ?? error.message);
}

export const PSEUDONYM_TAKEN = 'That pseudonym is already used in this group; choose another';

/**
 * Lets someone into a group, inside the caller's transaction: takes a seat (a conditional update, so that
 * concurrent admissions can never overbook) and opens or reopens their membership as `pending` until they
 * accept the agreement.
 */
@Injectable()
export class Admissions {
  constructor(private readonly clock: Clock) {}

  async admit(manager: EntityManager, group: Group, userId: string, pseudonym: string): Promise<Membership> {
    const existing = await manager.findOneBy(Membership, { groupId: group.id, userId });
    assertMayJoin(existing);
    await this.assertPseudonymFree(manager, group.id, pseudonym, userId);
    await takeSeat(manager, group.id);
    return this.open(manager, group.id, userId, pseudonym, 'member', existing);
  }

  /** Opens a pending membership, reusing the person's earlier row in the group if there is one. */
  async open(
    manager: EntityManager,
    groupId: string,
    userId: string,
    pseudonym: string,
    role: GroupRole,
    existing: Membership | null,
  ): Promise<Membership> {
    const now = this.clock.now();
    const fields = {
      role,
      status: 'pending' as const,
      pseudonym,
      pseudonymKey: pseudonymKey(pseudonym),
      agreementVersion: null,
      agreementAcceptedAt: null,
      joinedAt: null,
      endedAt: null,
      endedReason: null,
      endedNote: null,
      endedBy: null,
      updatedAt: now,
    };
    if (existing) {
      await manager.update(Membership, { id: existing.id }, fields);
      return Object.assign(existing, fields);
    }
    const membership = manager.create(Membership, {
      id: randomUUID(),
      groupId,
      userId,
      createdAt: now,
      ...fields,
    });
    await manager.insert(Membership, membership);
    return membership;
  }

  async assertPseudonymFree(
    manager: EntityManager,
    groupId: string,
    pseudonym: string,
    userId: string,
  ): Promise<void> {
    const holder = await manager.findOneBy(Membership, { groupId, pseudonymKey: pseudonymKey(pseudonym) });
    if (holder && holder.userId !== userId) {
      throw new ConflictException(coded('PSEUDONYM_TAKEN', PSEUDONYM_TAKEN));
    }
  }
}

/** Refuses people who are already in, or banned from, the group. */
export function assertMayJoin(existing: Membership | null): void {
  if (existing?.status === 'banned') {
    throw new ForbiddenException(coded('CANNOT_JOIN', 'You cannot join this group'));
  }
  if (existing?.status === 'active' || existing?.status === 'pending') {
    throw new ConflictException(coded('ALREADY_MEMBER', 'You are already a member of this group'));
  }
}

export async function takeSeat(manager: EntityManager, groupId: string): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(Group)
    .set({ seatsTaken: () => 'seats_taken + 1' })
    .where('id = :groupId AND seats_taken < capacity', { groupId })
    .execute();
  if (!result.affected) {
    throw new ConflictException(coded('GROUP_FULL', 'This group is full'));
  }
}

export async function freeSeat(manager: EntityManager, groupId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(Group)
    .set({ seatsTaken: () => 'seats_taken - 1' })
    .where('id = :groupId AND seats_taken > 0', { groupId })
    .execute();
}

/** Whether this membership holds one of the group's member seats. */
export function holdsSeat(membership: Membership): boolean {
  return membership.role === 'member' && (membership.status === 'pending' || membership.status === 'active');
}
