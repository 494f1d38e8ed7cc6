import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock, Transactions } from '@hearth/core';

import {
  GroupEvents,
  MembershipActivatedEvent,
  MembershipChangedEvent,
  MembershipEndedEvent,
} from '../events.js';
import { Group } from '../groups/group.entity.js';
import { Membership } from '../memberships/membership.entity.js';
import { parentMemberships, participantOf, wantedParticipants } from './check-in-participants.js';
import { CheckInsService, closeCheckIn } from './check-ins.service.js';

type Announcement = () => void;

/**
 * Keeps each open check-in's participants those of its group: a new facilitator joins it, one who leaves or is
 * made a member leaves it, a pseudonym follows; a member who leaves the group closes it (she can still read it).
 * Runs on membership changes only, never on a message.
 */
@Injectable()
export class CheckInSync {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
    private readonly checkIns: CheckInsService,
  ) {}

  @OnEvent(GroupEvents.membershipActivated)
  @OnEvent(GroupEvents.membershipEnded)
  @OnEvent(GroupEvents.membershipChanged)
  async onMembership(
    event: MembershipActivatedEvent | MembershipEndedEvent | MembershipChangedEvent,
  ): Promise<void> {
    await this.sync(event.groupId);
  }

  async sync(parentGroupId: string): Promise<void> {
    const open = await this.dataSource.manager.findBy(Group, { parentGroupId, status: 'active' });
    if (open.length === 0) return;
    const announcements = await this.transactions.run(async (manager) => {
      const parents = await parentMemberships(manager, parentGroupId);
      const said: Announcement[] = [];
      const now = this.clock.now();
      for (const checkIn of open) {
        const wanted = wantedParticipants(parents, checkIn.subjectUserId!);
        if (!wanted.some((m) => m.userId === checkIn.subjectUserId)) {
          await closeCheckIn(manager, checkIn, now);
          said.push(() => this.checkIns.announceClosed(checkIn, null));
        }
        const current = await manager.findBy(Membership, { groupId: checkIn.id });
        for (const parent of wanted) {
          const mine = current.find((m) => m.userId === parent.userId);
          if (!mine) {
            const joined = participantOf(checkIn, parent, now);
            await manager.insert(Membership, joined);
            said.push(() => this.activated(joined));
          } else if (mine.status !== 'active') {
            const back = { ...participantOf(checkIn, parent, now), id: mine.id, createdAt: mine.createdAt };
            await manager.update(Membership, { id: mine.id }, back);
            said.push(() => this.activated(back));
          } else if (mine.pseudonym !== parent.pseudonym) {
            await manager.update(
              Membership,
              { id: mine.id },
              { pseudonym: parent.pseudonym, pseudonymKey: parent.pseudonymKey, updatedAt: now },
            );
            said.push(() =>
              this.events.emit(
                GroupEvents.membershipChanged,
                new MembershipChangedEvent(checkIn.id, mine.userId, mine.role, parent.pseudonym),
              ),
            );
          }
        }
        for (const gone of current) {
          if (gone.status !== 'active' || wanted.some((m) => m.userId === gone.userId)) continue;
          // The member herself keeps her place in a closed check-in, to read it.
          if (gone.userId === checkIn.subjectUserId) continue;
          const ended = {
            status: 'removed' as const,
            endedAt: now,
            endedReason: 'removed' as const,
            updatedAt: now,
          };
          await manager.update(Membership, { id: gone.id }, ended);
          said.push(() =>
            this.events.emit(
              GroupEvents.membershipEnded,
              new MembershipEndedEvent(checkIn.id, gone.userId, gone.id, 'removed', null, null),
            ),
          );
        }
      }
      return said;
    });
    for (const announce of announcements) announce();
  }

  private activated(m: Membership): void {
    this.events.emit(
      GroupEvents.membershipActivated,
      new MembershipActivatedEvent(m.groupId, m.userId, m.id),
    );
  }
}
