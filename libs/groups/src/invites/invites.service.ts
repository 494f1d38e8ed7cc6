import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Clock, coded, foundOrFail, Transactions } from '@hearth/core';
import type { Caller } from '@hearth/identity';

import type { GroupView } from '../groups/dto/group.view.js';
import { summarizeAgreement } from '../agreements/agreement-summary.js';
import { GroupAgreement } from '../agreements/group-agreement.entity.js';
import { Group } from '../groups/group.entity.js';
import { GroupViews } from '../groups/group-views.js';
import { assertOpen } from '../groups/groups.service.js';
import { Admissions, isPseudonymTaken, PSEUDONYM_TAKEN } from '../memberships/admissions.js';
import { Membership } from '../memberships/membership.entity.js';
import { assertNotCheckIn, GroupPolicy } from '../policy/group-policy.js';
import type { CreateInviteDto } from './dto/invite.dto.js';
import type { CreatedInviteView, InvitePreviewView, InviteView } from './dto/invite.view.js';
import { Invite } from './invite.entity.js';

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
const NOT_VALID = 'Invite not found or no longer valid';

@Injectable()
export class InvitesService {
  constructor(
    private readonly policy: GroupPolicy,
    private readonly admissions: Admissions,
    private readonly views: GroupViews,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** A new invitation code: 144 random bits, url-safe. Only its hash is kept. */
  async create(caller: Caller, groupId: string, dto: CreateInviteDto): Promise<CreatedInviteView> {
    const invite = await this.transactions.run(async (manager) => {
      const { group } = await this.policy.authorize(caller, groupId, 'manage', manager);
      assertOpen(group);
      assertNotCheckIn(group);
      const code = randomBytes(18).toString('base64url');
      const now = this.clock.now();
      const invite = manager.create(Invite, {
        id: randomUUID(),
        groupId,
        codeHash: hashCode(code),
        codeHint: code.slice(0, 4),
        label: dto.label ?? null,
        createdBy: caller.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + dto.expiresInHours * 3_600_000),
        maxUses: dto.maxUses ?? null,
        uses: 0,
        revokedAt: null,
      });
      await manager.insert(Invite, invite);
      return { invite, code };
    });
    return { ...this.toView(invite.invite), code: invite.code, path: `/invite/${invite.code}` };
  }

  async list(caller: Caller, groupId: string): Promise<InviteView[]> {
    await this.policy.authorize(caller, groupId, 'manage');
    const invites = await this.transactions.run((manager) =>
      manager.find(Invite, { where: { groupId }, order: { createdAt: 'DESC' } }),
    );
    return invites.map((invite) => this.toView(invite));
  }

  async revoke(caller: Caller, groupId: string, inviteId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.policy.authorize(caller, groupId, 'manage', manager);
      const invite = foundOrFail(await manager.findOneBy(Invite, { id: inviteId, groupId }), 'Invite');
      if (!invite.revokedAt) await manager.update(Invite, { id: invite.id }, { revokedAt: this.clock.now() });
    });
  }

  /** What an invitation leads to: the group's card, so the invitee can read it (and its agreement) first. */
  async preview(caller: Caller, code: string): Promise<GroupView> {
    const { group, membership } = await this.transactions.run(async (manager) => {
      const invite = await this.usable(manager, code);
      const group = foundOrFail(await manager.findOneBy(Group, { id: invite.groupId }), 'Group');
      const membership = await manager.findOneBy(Membership, { groupId: group.id, userId: caller.userId });
      return { group, membership };
    });
    return this.views.one(group, membership, { role: caller.role });
  }

  /**
   * What the link shows to someone not signed in yet: the group's name, description and agreement in brief.
   * Nothing about members or seats; archived groups and invalid codes answer alike.
   */
  async publicPreview(code: string): Promise<InvitePreviewView> {
    return this.transactions.run(async (manager) => {
      const invite = await this.usable(manager, code);
      const group = await manager.findOneBy(Group, { id: invite.groupId });
      if (!group || group.status !== 'active')
        throw new NotFoundException(coded('INVITE_INVALID', NOT_VALID));
      const agreement = await manager.findOneBy(GroupAgreement, {
        groupId: group.id,
        version: group.agreementVersion,
      });
      const summary = summarizeAgreement(agreement?.text ?? '');
      return {
        groupName: group.name,
        description: group.description,
        agreementIntro: summary.intro,
        agreementTopics: summary.topics,
      };
    });
  }

  /**
   * Uses an invitation: counts the use and takes a seat, both by conditional updates, so concurrent
   * redemptions can neither exceed the invite's uses nor overbook the group. Any invalid code reads the same.
   */
  async redeem(caller: Caller, code: string, pseudonym: string): Promise<GroupView> {
    try {
      const { group, membership } = await this.transactions.run(async (manager) => {
        const invite = await this.usable(manager, code);
        const group = foundOrFail(await manager.findOneBy(Group, { id: invite.groupId }), 'Group');
        assertOpen(group);
        const used = await manager
          .createQueryBuilder()
          .update(Invite)
          .set({ uses: () => 'uses + 1' })
          .where('id = :id AND revoked_at IS NULL AND (max_uses IS NULL OR uses < max_uses)', {
            id: invite.id,
          })
          .execute();
        if (!used.affected) throw new NotFoundException(coded('INVITE_INVALID', NOT_VALID));
        const membership = await this.admissions.admit(manager, group, caller.userId, pseudonym);
        const fresh = await manager.findOneByOrFail(Group, { id: group.id });
        return { group: fresh, membership };
      });
      return this.views.one(group, membership, { role: caller.role });
    } catch (error) {
      if (isPseudonymTaken(error)) throw new ConflictException(coded('PSEUDONYM_TAKEN', PSEUDONYM_TAKEN));
      throw error;
    }
  }

  private async usable(manager: EntityManager, code: string): Promise<Invite> {
    const invite = await manager.findOneBy(Invite, { codeHash: hashCode(code) });
    if (!invite || !this.isUsable(invite)) throw new NotFoundException(coded('INVITE_INVALID', NOT_VALID));
    return invite;
  }

  private isUsable(invite: Invite): boolean {
    return (
      !invite.revokedAt &&
      (invite.expiresAt === null || invite.expiresAt > this.clock.now()) &&
      (invite.maxUses === null || invite.uses < invite.maxUses)
    );
  }

  private toView(invite: Invite): InviteView {
    return {
      id: invite.id,
      codeHint: invite.codeHint,
      label: invite.label,
      createdAt: invite.createdAt.toISOString(),
      expiresAt: invite.expiresAt?.toISOString() ?? null,
      maxUses: invite.maxUses,
      uses: invite.uses,
      revoked: invite.revokedAt !== null,
      usable: this.isUsable(invite),
    };
  }
}
