import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

import { groupRoom, userRoom, type ChatNamespace, type ChatSocket } from './socket-types.js';

/**
 * Finds this node's sockets by user or group, and answers who is online in a group. The namespace is handed
 * over by the gateway once socket.io has started.
 */
@Injectable()
export class SocketDirectory implements OnModuleDestroy {
  private readonly logger = new Logger(SocketDirectory.name);
  private namespace: ChatNamespace | null = null;

  attach(namespace: ChatNamespace): void {
    this.namespace = namespace;
  }

  /** Shutting down: sockets are about to close, and nothing more is announced (Redis may already be gone). */
  onModuleDestroy(): void {
    this.namespace = null;
  }

  get server(): ChatNamespace {
    if (!this.namespace) throw new Error('The chat namespace is not started');
    return this.namespace;
  }

  /** Every socket connected to this node. */
  localSockets(): ChatSocket[] {
    return [...this.server.sockets.values()];
  }

  async localSocketsOfUser(userId: string): Promise<ChatSocket[]> {
    return this.local(userRoom(userId));
  }

  async localSocketsInGroup(groupId: string): Promise<ChatSocket[]> {
    return this.local(groupRoom(groupId));
  }

  async countSocketsOfUser(userId: string): Promise<number> {
    return (await this.server.in(userRoom(userId)).fetchSockets()).length;
  }

  /** Membership ids with at least one socket in the group's room (across nodes once an adapter spans them). */
  async online(groupId: string): Promise<string[]> {
    const sockets = await this.server.in(groupRoom(groupId)).fetchSockets();
    const ids = new Set<string>();
    for (const socket of sockets) {
      const membership = socket.data.rooms?.[groupId];
      if (membership) ids.add(membership.membershipId);
    }
    return [...ids].sort();
  }

  /** Best effort: presence is a courtesy, and must never fail a join, a leave or a shutdown. */
  async announcePresence(groupId: string): Promise<void> {
    if (!this.namespace) return;
    try {
      this.server.to(groupRoom(groupId)).emit('presence', { groupId, online: await this.online(groupId) });
    } catch (error) {
      this.logger.debug({ groupId, err: { message: (error as Error).message } }, 'Presence not announced');
    }
  }

  private async local(room: string): Promise<ChatSocket[]> {
    if (!this.namespace) return [];
    const ids = this.server.adapter.rooms.get(room);
    if (!ids) return [];
    return [...ids].map((id) => this.server.sockets.get(id)).filter((s): s is ChatSocket => s !== undefined);
  }
}
