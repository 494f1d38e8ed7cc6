import { Injectable } from '@nestjs/common';

import { effectiveGroupRole, GroupPolicy } from '@hearth/groups';

import { ChatError } from '../chat-error.js';
import { RealtimePublisher } from '../realtime/realtime-publisher.js';
import { ADMINS_ROOM, groupRoom, staffRoom, userRoom, type ChatSocket } from '../realtime/socket-types.js';
import type { RoomMembership } from '../rooms/room-membership.js';
import { RoomsService } from '../rooms/rooms.service.js';
import { PerPersonQueue } from './per-person-queue.js';
import { SocketSessions } from './socket-sessions.js';

/**
 * What one socket may do: its session, its platform role (and with it the admins' room), the staff rooms of the
 * groups its person facilitates, and its place in each conversation it joined. Read in full when it connects and
 * again whenever something relayed says it may have changed.
 *
 * Every change to a socket's standing (the connection's first reading, a re-reading, a join, a leave, a relayed
 * change to a room) runs through one queue per socket, in arrival order: a reading that started before a change
 * was committed can never land after the reading that follows it (a removed facilitator put back in a staff room
 * by a slow, older reading would go on hearing that group's crisis alerts; a removed member admitted by a join
 * that read her membership just before would go on reading the group).
 */
@Injectable()
export class SocketStanding {
  private readonly queue = new PerPersonQueue();
  /** Group-wide changes applied on this node, by group: one number per group, so bounded by the groups. */
  private readonly groupChanges = new Map<string, number>();

  constructor(
    private readonly sessions: SocketSessions,
    private readonly rooms: RoomsService,
    private readonly groups: GroupPolicy,
    private readonly realtime: RealtimePublisher,
  ) {}

  /**
   * A socket that has just connected. It joins its person's room before anything is awaited, so every change
   * relayed about them from now on finds it; what changed between the handshake's check and that moment (a role
   * taken away, the account disabled) is caught by reading everything once more.
   */
  async connected(socket: ChatSocket): Promise<void> {
    await socket.join(userRoom(socket.data.userId));
    await this.recheck(socket);
  }

  /**
   * Re-reads the socket's session and everything it grants, as when it connected and joined its rooms; what
   * changed takes effect now. A session no longer live ends the socket.
   */
  recheck(socket: ChatSocket): Promise<void> {
    return this.queue.run(socket.id, () => this.read(socket));
  }

  /**
   * Enters a group's conversation: the socket's place in it is read and the socket joins the room, in its turn.
   * A group-wide change (a new agreement, the group archived) applied here while the place was being read makes
   * it read again: the check and the join then happen in one synchronous step, so such a change either came
   * before the reading that is kept or finds the socket in the room.
   */
  joinGroup(socket: ChatSocket, groupId: string): Promise<RoomMembership> {
    return this.queue.run(socket.id, async () => {
      const { userId, role, sessionId } = socket.data;
      let seen: number;
      let membership: RoomMembership;
      do {
        seen = this.groupChanges.get(groupId) ?? 0;
        membership = await this.rooms.admit({ userId, role, sessionId }, groupId);
      } while (seen !== (this.groupChanges.get(groupId) ?? 0));
      // Signed out or gone while it read: a closed socket must not be put back in a room.
      if (socket.disconnected) throw new ChatError('UNAUTHORIZED', 'This connection has closed');
      socket.data.rooms[groupId] = membership;
      await socket.join(groupRoom(groupId));
      return membership;
    });
  }

  /** Closes a group's conversation on this socket (its person is still in the group, and still staff there). */
  closeGroup(socket: ChatSocket, groupId: string): Promise<void> {
    return this.queue.run(socket.id, () => this.evict(socket, groupId));
  }

  /** A change to what the socket knows of its rooms, made in its turn (after a join in progress, say). */
  update(socket: ChatSocket, change: () => void): Promise<void> {
    return this.queue.run(socket.id, async () => change());
  }

  /**
   * Called by the handlers of group-wide changes, which act on the sockets in the group's room, before they look
   * for them (see `joinGroup`).
   */
  groupChanged(groupId: string): void {
    this.groupChanges.set(groupId, (this.groupChanges.get(groupId) ?? 0) + 1);
  }

  /** Puts a person's socket in a group's staff room exactly when they are an active facilitator of it. */
  syncStaffRoom(socket: ChatSocket, groupId: string): Promise<void> {
    return this.queue.run(socket.id, async () => {
      const membership = await this.groups.membershipOf(groupId, socket.data.userId);
      if (socket.disconnected) return;
      const staff =
        membership?.status === 'active' &&
        effectiveGroupRole(membership.role, socket.data.role) === 'facilitator';
      if (staff) await socket.join(staffRoom(groupId));
      else await socket.leave(staffRoom(groupId));
    });
  }

  /** The person left or lost a group: the socket leaves its conversation and its staff room. */
  leaveGroup(socket: ChatSocket, groupId: string): Promise<void> {
    return this.queue.run(socket.id, async () => {
      await this.evict(socket, groupId);
      await socket.leave(staffRoom(groupId));
    });
  }

  /** Signs the socket out: it is told why, then disconnected. */
  end(socket: ChatSocket): void {
    this.realtime.toSocket(socket, 'notice', { kind: 'session.ended', message: 'You were signed out.' });
    socket.disconnect(true);
  }

  /** Each await may outlive the socket: a closed socket is never put back in a room (it would stay there). */
  private async read(socket: ChatSocket): Promise<void> {
    if (socket.disconnected) return;
    const { userId, sessionId } = socket.data;
    const role = await this.sessions.liveRole({ userId, sessionId });
    if (socket.disconnected) return;
    if (!role) {
      this.end(socket);
      return;
    }
    // In the admins' room exactly while the person is an admin.
    socket.data.role = role;
    if (role === 'admin') await socket.join(ADMINS_ROOM);
    else await socket.leave(ADMINS_ROOM);
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
    if (socket.disconnected) return;
    for (const name of socket.rooms) {
      if (name.startsWith(staffRoom('')) && !facilitated.has(name)) await socket.leave(name);
    }
    await socket.join([...facilitated]);
  }

  private async evict(socket: ChatSocket, groupId: string): Promise<void> {
    delete socket.data.rooms[groupId];
    await socket.leave(groupRoom(groupId));
  }
}
