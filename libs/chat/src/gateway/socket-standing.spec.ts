import { describe, expect, it } from '@jest/globals';

import type { GroupPolicy } from '@hearth/groups';
import type { Role } from '@hearth/identity';

import type { RealtimePublisher } from '../realtime/realtime-publisher.js';
import type { ChatSocket } from '../realtime/socket-types.js';
import type { RoomMembership } from '../rooms/room-membership.js';
import type { RoomsService } from '../rooms/rooms.service.js';
import type { SocketSessions } from './socket-sessions.js';
import { SocketStanding } from './socket-standing.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

const place = (requiredVersion: number, archived = false): RoomMembership => ({
  groupId: 'g1',
  membershipId: 'm1',
  pseudonym: 'Wren',
  role: 'member',
  acceptedVersion: 1,
  requiredVersion,
  archived,
  joinedAt: null,
});

/** A reading the test answers when it chooses, to hold one reading up while another is asked for. */
function held<T>() {
  let answer!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (answer = resolve));
  return { promise, answer };
}

/** The parts of a socket.io socket that SocketStanding touches, with rooms kept as socket.io keeps them. */
function fakeSocket(role: Role) {
  const rooms = new Set<string>(['socket-1']);
  const socket = {
    id: 'socket-1',
    rooms,
    disconnected: false,
    data: { userId: 'u1', sessionId: 's1', role, tokenExpiresAt: 0, rooms: {}, lastTypingAt: {} },
    // socket.io's in-memory adapter adds and removes synchronously; join and leave return nothing then.
    join: (names: string | string[]) => void [names].flat().forEach((name) => rooms.add(name)),
    leave: (name: string) => void rooms.delete(name),
    disconnect: () => void (socket.disconnected = true),
  };
  return { socket, asChat: socket as unknown as ChatSocket };
}

function standingWith(
  readings: { role: Promise<Role | null>; facilitated: Promise<string[]> }[],
  admissions: Promise<RoomMembership>[] = [],
) {
  const notices: unknown[] = [];
  let read = 0;
  let listed = 0;
  const sessions = { liveRole: () => readings[read++].role } as unknown as SocketSessions;
  const groups = { facilitatedGroupIds: () => readings[listed++].facilitated } as unknown as GroupPolicy;
  const realtime = {
    toSocket: (_socket: unknown, _event: string, payload: unknown) => notices.push(payload),
  } as unknown as RealtimePublisher;
  let admitted = 0;
  const rooms = { admit: () => admissions[admitted++] } as unknown as RoomsService;
  return {
    standing: new SocketStanding(sessions, rooms, groups, realtime),
    notices,
    admissions: () => admitted,
  };
}

describe('SocketStanding', () => {
  it('puts a connecting socket in its person’s room before it reads anything, so no relayed change can miss it', async () => {
    const first = { role: held<Role | null>(), facilitated: held<string[]>() };
    const { standing } = standingWith([{ role: first.role.promise, facilitated: first.facilitated.promise }]);
    const { socket, asChat } = fakeSocket('facilitator');

    const connecting = standing.connected(asChat);
    // Nothing has been read yet, and the socket can already be found by its person's id.
    expect(socket.rooms.has('user:u1')).toBe(true);
    first.role.answer('facilitator');
    first.facilitated.answer(['g1']);
    await connecting;
    expect([...socket.rooms].sort()).toEqual(['socket-1', 'staff:g1', 'user:u1']);
  });

  it('applies a change relayed while the connection is still being read after that reading, never before it', async () => {
    // The connection reads the role before the demotion is committed and is slow to list the groups; the demotion
    // arrives meanwhile. Without one queue per socket the older reading would land last and keep the staff room.
    const old = { role: held<Role | null>(), facilitated: held<string[]>() };
    const fresh = {
      role: Promise.resolve<Role | null>('member'),
      facilitated: Promise.resolve<string[]>([]),
    };
    const { standing } = standingWith([
      { role: old.role.promise, facilitated: old.facilitated.promise },
      fresh,
    ]);
    const { socket, asChat } = fakeSocket('facilitator');

    const connecting = standing.connected(asChat);
    old.role.answer('facilitator');
    await tick();
    const demoted = standing.recheck(asChat);
    await tick();
    expect(socket.data.role).toBe('facilitator');
    old.facilitated.answer(['g1']);
    await Promise.all([connecting, demoted]);

    expect(socket.data.role).toBe('member');
    expect([...socket.rooms].sort()).toEqual(['socket-1', 'user:u1']);
  });

  it('ends a socket whose session was signed out or whose account was disabled while it connected', async () => {
    const { standing, notices } = standingWith([
      { role: Promise.resolve(null), facilitated: Promise.resolve([]) },
    ]);
    const { socket, asChat } = fakeSocket('admin');
    await standing.connected(asChat);
    expect(socket.disconnected).toBe(true);
    expect(notices).toEqual([{ kind: 'session.ended', message: 'You were signed out.' }]);
    expect(socket.rooms.has('admins')).toBe(false);
  });

  it('reads a member’s place again when a group-wide change was applied while it was being read', async () => {
    // A new agreement is published while the join reads the member's place (version 1). The handler found no
    // socket in the room to tell; the join must not keep what it read before.
    const first = held<RoomMembership>();
    const { standing, admissions } = standingWith([], [first.promise, Promise.resolve(place(2))]);
    const { socket, asChat } = fakeSocket('member');

    const joining = standing.joinGroup(asChat, 'g1');
    await tick();
    standing.groupChanged('g1');
    first.answer(place(1));
    expect(await joining).toEqual(place(2));
    expect(admissions()).toBe(2);
    expect(socket.data.rooms).toEqual({ g1: place(2) });
    expect(socket.rooms.has('group:g1')).toBe(true);
  });

  it('applies a removal that arrives during a join after the join, so the removed member is not left in the room', async () => {
    const first = held<RoomMembership>();
    const { standing } = standingWith([], [first.promise]);
    const { socket, asChat } = fakeSocket('member');
    socket.rooms.add('staff:g1');

    const joining = standing.joinGroup(asChat, 'g1');
    await tick();
    const removed = standing.leaveGroup(asChat, 'g1');
    first.answer(place(1));
    await Promise.all([joining, removed]);
    expect(socket.data.rooms).toEqual({});
    expect([...socket.rooms]).toEqual(['socket-1']);
  });

  it('leaves a conversation asked to close right after joining it closed, and keeps the staff room', async () => {
    const first = held<RoomMembership>();
    const { standing } = standingWith([], [first.promise]);
    const { socket, asChat } = fakeSocket('facilitator');
    socket.rooms.add('staff:g1');

    const joining = standing.joinGroup(asChat, 'g1');
    const closing = standing.closeGroup(asChat, 'g1');
    first.answer(place(1));
    await Promise.all([joining, closing]);
    expect(socket.data.rooms).toEqual({});
    expect([...socket.rooms].sort()).toEqual(['socket-1', 'staff:g1']);
  });

  it('puts no closed socket back in a room: one signed out while its join was reading is refused', async () => {
    const first = held<RoomMembership>();
    const { standing } = standingWith([], [first.promise]);
    const { socket, asChat } = fakeSocket('member');
    const joining = standing.joinGroup(asChat, 'g1');
    await tick();
    socket.disconnected = true;
    first.answer(place(1));
    await expect(joining).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(socket.rooms.has('group:g1')).toBe(false);
    expect(socket.data.rooms).toEqual({});
  });

  it('puts no socket closed during a re-reading back in the admins’ room', async () => {
    const reading = { role: held<Role | null>(), facilitated: held<string[]>() };
    const { standing } = standingWith([
      { role: reading.role.promise, facilitated: reading.facilitated.promise },
    ]);
    const { socket, asChat } = fakeSocket('member');
    const rechecking = standing.recheck(asChat);
    await tick();
    socket.disconnected = true;
    reading.role.answer('admin');
    await rechecking;
    expect([...socket.rooms]).toEqual(['socket-1']);
  });

  it('reads nothing more for a socket that has gone', async () => {
    const { standing } = standingWith([]);
    const { socket, asChat } = fakeSocket('member');
    socket.disconnected = true;
    await expect(standing.recheck(asChat)).resolves.toBeUndefined();
  });
});
