import type { UserDto } from '@hearth/contracts';
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';

import { http } from '../api/http';
import { useSession } from '../api/session';
import { ChatConnection } from './connection';
import { RoomStore, type RoomSnapshot } from './room-store';

const ChatContext = createContext<ChatConnection | null>(null);

/** Opens the tab's one chat connection while someone is signed in. */
export function ChatProvider({ children }: { children: ReactNode }) {
  const { status, user, setUser } = useSession();
  const [connection, setConnection] = useState<ChatConnection | null>(null);
  const signedIn = status === 'signedIn' || status === 'expired';
  const userId = user?.id;
  useEffect(() => {
    if (!signedIn || !userId) return;
    const created = new ChatConnection(http);
    setConnection(created);
    return () => {
      created.close();
      setConnection(null);
    };
  }, [signedIn, userId]);
  // What I may do follows my role as it is now: re-read my account when the server says it changed.
  useEffect(() => {
    if (!connection) return;
    let seen = connection.roleVersion;
    return connection.subscribe(() => {
      if (connection.roleVersion === seen) return;
      seen = connection.roleVersion;
      void http
        .get<UserDto>('/me')
        .then(setUser)
        .catch(() => undefined);
    });
  }, [connection, setUser]);
  // A change told while this tab was asleep or its socket down (a phone in a pocket, a network gap) is caught on
  // the way back: at each reconnection and whenever the tab is shown again.
  useEffect(() => {
    if (!connection) return;
    let connectedOnce = connection.socket.connected;
    const reread = () =>
      void http
        .get<UserDto>('/me')
        .then(setUser)
        .catch(() => undefined);
    const onConnect = () => {
      if (connectedOnce) reread();
      connectedOnce = true;
    };
    const onShown = () => {
      if (document.visibilityState === 'visible') reread();
    };
    connection.socket.on('connect', onConnect);
    document.addEventListener('visibilitychange', onShown);
    return () => {
      connection.socket.off('connect', onConnect);
      document.removeEventListener('visibilitychange', onShown);
    };
  }, [connection, setUser]);
  return <ChatContext.Provider value={connection}>{children}</ChatContext.Provider>;
}

export function useConnection(): ChatConnection | null {
  return useContext(ChatContext);
}

/** The connection, re-rendering on its status, resources and alerts. */
export function useConnectionState(): ChatConnection | null {
  const connection = useConnection();
  useSyncExternalStore(
    (listener) => connection?.subscribe(listener) ?? (() => undefined),
    () => connection?.version ?? -1,
  );
  return connection;
}

/** Changes whenever my role changes; screens that show what I may do reload their group with it. */
export function useRoleVersion(): number {
  return useConnectionState()?.roleVersion ?? 0;
}

/** Changes whenever a check-in is opened with me (or asked for in a group I facilitate): lists of them reload. */
export function useCheckInVersion(): number {
  return useConnectionState()?.checkInVersion ?? 0;
}

/** The live room of one group for as long as the component is on screen. */
export function useRoom(groupId: string): { store: RoomStore | null; room: RoomSnapshot | null } {
  const connection = useConnection();
  const [store, setStore] = useState<RoomStore | null>(null);
  useEffect(() => {
    if (!connection) return;
    const created = new RoomStore(groupId, connection, http);
    setStore(created);
    return () => {
      created.close();
      setStore(null);
    };
  }, [connection, groupId]);
  const room = useSyncExternalStore(
    (listener) => store?.subscribe(listener) ?? (() => undefined),
    () => store?.snapshot() ?? null,
  );
  return { store, room };
}
