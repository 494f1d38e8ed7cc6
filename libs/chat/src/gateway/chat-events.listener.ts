import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

import { OnEventOnEveryNode, RELAY_RESYNC } from '@hearth/core';

import {
  AgreementAcceptedEvent,
  AgreementPublishedEvent,
  effectiveGroupRole,
  GroupChangedEvent,
  GroupEvents,
  MembershipActivatedEvent,
  MembershipChangedEvent,
  MembershipEndedEvent,
} from '@hearth/groups';
import {
  IdentityEvents,
  SessionRevokedEvent,
  UserDisabledEvent,
  UserRoleChangedEvent,
} from '@hearth/identity';

import { RealtimePublisher } from '../realtime/realtime-publisher.js';
import { SocketDirectory } from '../realtime/socket-directory.js';
import { SocketStanding } from './socket-standing.js';

const ENDED_MESSAGES = {
  left: 'You left this group.',
  removed: 'A facilitator removed you from this group.',
  banned: 'A facilitator removed you from this group and you cannot rejoin it.',
} as const;

/**
 * Keeps each socket's picture of its rooms true as things change elsewhere (consent, removals, archiving,
 * sign-outs), so the hot path never has to re-read memberships. Acts on this node's sockets.
 */
@Injectable()
export class ChatEventsListener {
  private readonly logger = new Logger(ChatEventsListener.name);

  constructor(
    private readonly directory: SocketDirectory,
    private readonly realtime: RealtimePublisher,
    private readonly standing: SocketStanding,
  ) {}

  /**
   * Events published while this node could not hear Redis are lost: re-read, for every socket here, its session
   * and each room it is in, exactly as when it joined. What changed meanwhile takes effect now.
   */
  @OnEvent(RELAY_RESYNC)
  async onResync(): Promise<void> {
    for (const socket of this.directory.localSockets()) {
      // One socket's failure (the database busy, say) must not leave the others unchecked.
      await this.standing
        .recheck(socket)
        .catch((error: Error) =>
          this.logger.warn({ userId: socket.data.userId, err: { message: error.message } }, 'Resync failed'),
        );
    }
  }

  @OnEventOnEveryNode(GroupEvents.membershipActivated)
  async onMembershipActivated(event: MembershipActivatedEvent): Promise<void> {
    for (const socket of await this.directory.localSocketsOfUser(event.userId)) {
      await this.standing.syncStaffRoom(socket, event.groupId);
    }
  }

  @OnEventOnEveryNode(GroupEvents.membershipEnded)
  async onMembershipEnded(event: MembershipEndedEvent): Promise<void> {
    const sockets = await this.directory.localSocketsOfUser(event.userId);
    for (const socket of sockets) {
      await this.standing.leaveGroup(socket, event.groupId);
      this.realtime.toSocket(socket, 'notice', {
        kind: event.reason === 'banned' ? 'membership.banned' : 'membership.removed',
        groupId: event.groupId,
        message: ENDED_MESSAGES[event.reason],
        reason: event.note,
        ...(event.reason === 'banned' ? {} : { cause: event.reason }),
      });
    }
    await this.realtime.presence(event.groupId);
  }

  @OnEventOnEveryNode(GroupEvents.membershipChanged)
  async onMembershipChanged(event: MembershipChangedEvent): Promise<void> {
    for (const socket of await this.directory.localSocketsOfUser(event.userId)) {
      await this.standing.update(socket, () => {
        const room = socket.data.rooms[event.groupId];
        if (room) {
          Object.assign(room, {
            role: effectiveGroupRole(event.role, socket.data.role),
            pseudonym: event.pseudonym,
          });
        }
      });
      await this.standing.syncStaffRoom(socket, event.groupId);
      this.realtime.toSocket(socket, 'notice', {
        kind: 'role.changed',
        groupId: event.groupId,
        message: 'Your role or pseudonym in this group changed.',
      });
    }
  }

  @OnEventOnEveryNode(GroupEvents.agreementPublished)
  async onAgreementPublished(event: AgreementPublishedEvent): Promise<void> {
    this.standing.groupChanged(event.groupId);
    for (const socket of await this.directory.localSocketsInGroup(event.groupId)) {
      const room = socket.data.rooms[event.groupId];
      if (!room) continue;
      room.requiredVersion = Math.max(room.requiredVersion, event.version);
      if (room.acceptedVersion !== room.requiredVersion) {
        this.realtime.toSocket(socket, 'notice', {
          kind: 'consent.required',
          groupId: event.groupId,
          message: 'The group agreement changed. Read and accept it to post again.',
        });
      }
    }
  }

  @OnEventOnEveryNode(GroupEvents.agreementAccepted)
  async onAgreementAccepted(event: AgreementAcceptedEvent): Promise<void> {
    for (const socket of await this.directory.localSocketsOfUser(event.userId)) {
      await this.standing.update(socket, () => {
        const room = socket.data.rooms[event.groupId];
        if (room) room.acceptedVersion = event.version;
      });
    }
  }

  @OnEventOnEveryNode(GroupEvents.groupArchived)
  async onGroupArchived(event: GroupChangedEvent): Promise<void> {
    this.standing.groupChanged(event.groupId);
    for (const socket of await this.directory.localSocketsInGroup(event.groupId)) {
      const room = socket.data.rooms[event.groupId];
      if (room) room.archived = true;
    }
  }

  @OnEventOnEveryNode(IdentityEvents.sessionRevoked)
  async onSessionRevoked(event: SessionRevokedEvent): Promise<void> {
    for (const socket of await this.directory.localSocketsOfUser(event.userId)) {
      if (socket.data.sessionId !== event.sessionId) continue;
      // Its owner said it was not them: the screen must not stay behind a "sign in again" dialog.
      if (event.reason === 'not_me') {
        this.realtime.toSocket(socket, 'notice', {
          kind: 'session.disowned',
          message: 'This sign-in was ended from another device.',
        });
        socket.disconnect(true);
      } else this.standing.end(socket);
    }
  }

  /**
   * Promoted or demoted (or a second factor set up, which gives staff their powers): the admins' room (crisis
   * escalations), the group staff rooms and each room's powers follow at once, on every node, as when the socket
   * joined (group powers follow the platform role).
   */
  @OnEventOnEveryNode(IdentityEvents.userRoleChanged)
  async onRoleChanged(event: UserRoleChangedEvent): Promise<void> {
    for (const socket of await this.directory.localSocketsOfUser(event.userId)) {
      // recheck applies the session's powers, not event.to: staff without a required 2FA act as members.
      await this.standing
        .recheck(socket)
        .catch((error: Error) =>
          this.logger.warn(
            { userId: event.userId, err: { message: error.message } },
            'Role change not applied',
          ),
        );
      // The person's screens re-read what they may do (their account, their groups) instead of offering tools
      // the server now refuses.
      this.realtime.toSocket(socket, 'notice', {
        kind: 'role.changed',
        message: 'Your role changed.',
      });
    }
  }

  @OnEventOnEveryNode(IdentityEvents.userDisabled)
  async onUserDisabled(event: UserDisabledEvent): Promise<void> {
    for (const socket of await this.directory.localSocketsOfUser(event.userId)) this.standing.end(socket);
  }
}
