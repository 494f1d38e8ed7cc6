import { Injectable, type OnModuleDestroy } from '@nestjs/common';

import { groupRoom, userRoom, type ChatNamespace, type ChatSocket } from './socket-types.js';

/**
 * Finds sockets by user or group, and answers who is online in a group. It never emits: that is the
 * RealtimePublisher's work. The namespace is handed over by the gateway once socket.io has started.
 */
@Injectable()
export class SocketDirectory implements OnModuleDestroy {
  private namespace: ChatNamespace | null = null;

  attach(namespace: ChatNamespace): void {
    this.namespace = namespace;
  }

  /** Shutting down: sockets are about to close, and nothing more is announced (Redis may already be gone). */
  onModuleDestroy(): void {
    this.namespace = null;
  }

  get attached(): boolean {
    return this.namespace !== null;
  }

  get server(): ChatNamespace {
    if (!this.namespace) throw new Error('The chat namespace is not started');
    return this.namespace;
  }

  /** Every socket connected to this node. */
  localSockets(): ChatSocket[] {
    return this.namespace ? [...this.namespace.sockets.values()] : [];
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

  private async local(room: string): Promise<ChatSocket[]> {
    if (!this.namespace) return [];
    const ids = this.namespace.adapter.rooms.get(room);
    if (!ids) return [];
    return [...ids]
      .map((id) => this.namespace?.sockets.get(id))
      .filter((s): s is ChatSocket => s !== undefined);
  }
}
