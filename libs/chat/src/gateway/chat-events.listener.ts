import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

import { OnEventOnEveryNode, RELAY_RESYNC } from '@hearth/core';

import {
  AgreementAcceptedEvent,
  AgreementPublishedEvent,
  effectiveGroupRole,
  GroupChangedEvent,
  GroupEvents,
  GroupPolicy,
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

import { ChatError } from '../chat-error.js';
import { RealtimePublisher } from '../realtime/realtime-publisher.js';
import { SocketDirectory } from '../realtime/socket-directory.js';
import { applyPlatformRole, groupRoom, staffRoom, type ChatSocket } from '../realtime/socket-types.js';
import { RoomsService } from '../rooms/rooms.service.js';
import { SocketSessions } from './socket-sessions.js';

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
    private readonly groups: GroupPolicy,
    private readonly sessions: SocketSessions,
    private readonly rooms: RoomsService,
  ) {}

  /**
   * Events published while this node could not hear Redis are lost: re-read, for every socket here, its session
   * and each room it is in, exactly as when it joined. What changed meanwhile takes effect now.
   */
  @OnEvent(RELAY_RESYNC)
  async onResync(): Promise<void> {
    for (const socket of this.directory.localSockets()) {
      // One socket's failure (the database busy, say) must not leave the others unchecked.
      await this.recheck(socket).catch((error: Error) =>
        this.logger.warn({ userId: socket.data.userId, err: { message: error.message } }, 'Resync failed'),
      );
    }
  }

  private async recheck(socket: ChatSocket): Promise<void> {
    const { userId, sessionId } = socket.data;
    const role = await this.sessions.liveRole({ userId, sessionId });
    if (!role) {
      this.end(socket);
      return;
    }
    await applyPlatformRole(socket, role);
    for (const [groupId, room] of Object.entries(socket.data.rooms)) {
      try {
        socket.data.rooms[groupId] = await this.rooms.admit({ userId, role, sessionId }, groupId);
      } catch (error) {
        if (!(error instanceof ChatError)) throw error;
        if (error.code === 'CONSENT_REQUIRED') {
          const required = (error.details as { version?: number } | undefined)?.version;
          const known = room.requiredVersion;
          room.requiredVersion = required ?? known;
          // Told once: a socket that already knew it must accept a new version hears nothing new.
          if (room.requiredVersion === known && room.acceptedVersion !== known) continue;
          this.realtime.toSocket(socket, 'notice', {
            kind: 'consent.required',
            groupId,
            message: 'The group agreement changed. Read and accept it to post again.',
          });
        } else {
          await this.evict(socket, groupId);
          this.realtime.toSocket(socket, 'notice', {
            kind: 'membership.removed',
            groupId,
            message: 'You are no longer in this group.',
          });
        }
      }
    }
    const facilitated = new Set(
      role === 'member' ? [] : (await this.groups.facilitatedGroupIds(userId)).map(staffRoom),
    );
    for (const name of socket.rooms) {
      if (name.startsWith(staffRoom('')) && !facilitated.has(name)) await socket.leave(name);
    }
    await socket.join([...facilitated]);
  }

  @OnEventOnEveryNode(GroupEvents.membershipActivated)
  async onMembershipActivated(event: MembershipActivatedEvent): Promise<void> {
    await this.syncStaffRoom(event.groupId, event.userId);
  }

  @OnEventOnEveryNode(GroupEvents.membershipEnded)
  async onMembershipEnded(event: MembershipEndedEvent): Promise<void> {
    const sockets = await this.directory.localSocketsOfUser(event.userId);
    for (const socket of sockets) {
      await this.evict(socket, event.groupId);
      await socket.leave(staffRoom(event.groupId));
      this.realtime.toSocket(socket, 'notice', {
        kind: event.reason === 'banned' ? 'membership.banned' : 'membership.removed',
        groupId: event.groupId,
        message: ENDED_MESSAGES[event.reason],
        reason: event.note,
      });
    }
    await this.realtime.presence(event.groupId);
  }

  @OnEventOnEveryNode(GroupEvents.membershipChanged)
  async onMembershipChanged(event: MembershipChangedEvent): Promise<void> {
    for (const socket of await this.directory.localSocketsOfUser(event.userId)) {
      const room = socket.data.rooms[event.groupId];
      if (room) {
        Object.assign(room, {
          role: effectiveGroupRole(event.role, socket.data.role),
          pseudonym: event.pseudonym,
        });
      }
    }
    await this.syncStaffRoom(event.groupId, event.userId);
    for (const socket of await this.directory.localSocketsOfUser(event.userId)) {
      this.realtime.toSocket(socket, 'notice', {
        kind: 'role.changed',
        groupId: event.groupId,
        message: 'Your role or pseudonym in this group changed.',
      });
    }
  }

  /** Puts a person's sockets in the group's staff room exactly when they are an active facilitator of it. */
  private async syncStaffRoom(groupId: string, userId: string): Promise<void> {
    const membership = await this.groups.membershipOf(groupId, userId);
    for (const socket of await this.directory.localSocketsOfUser(userId)) {
      const staff =
        membership?.status === 'active' &&
        effectiveGroupRole(membership.role, socket.data.role) === 'facilitator';
      if (staff) await socket.join(staffRoom(groupId));
      else await socket.leave(staffRoom(groupId));
    }
  }

  @OnEventOnEveryNode(GroupEvents.agreementPublished)
  async onAgreementPublished(event: AgreementPublishedEvent): Promise<void> {
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
      const room = socket.data.rooms[event.groupId];
      if (room) room.acceptedVersion = event.version;
    }
  }

  @OnEventOnEveryNode(GroupEvents.groupArchived)
  async onGroupArchived(event: GroupChangedEvent): Promise<void> {
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
      } else this.end(socket);
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
      await this.recheck(socket).catch((error: Error) =>
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
    for (const socket of await this.directory.localSocketsOfUser(event.userId)) this.end(socket);
  }

  private async evict(socket: ChatSocket, groupId: string): Promise<void> {
    delete socket.data.rooms[groupId];
    await socket.leave(groupRoom(groupId));
  }

  private end(socket: ChatSocket): void {
    this.realtime.toSocket(socket, 'notice', { kind: 'session.ended', message: 'You were signed out.' });
    socket.disconnect(true);
  }
}
