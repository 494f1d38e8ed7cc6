import type { AuthSessionDto, InstanceDto, UserDto } from '@hearth/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

import { clearDrafts } from '../ui/drafts';
import { http } from './http';

export type SessionStatus = 'loading' | 'signedOut' | 'signedIn' | 'expired';

export interface Session {
  status: SessionStatus;
  user: UserDto | null;
  instance: InstanceDto | null;
  signIn(email: string, password: string): Promise<void>;
  signUp(input: { email: string; password: string; displayName: string }): Promise<void>;
  signOut(): Promise<void>;
  setUser(user: UserDto): void;
  /** After an account is deleted: forget everything on this device. */
  forget(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<UserDto | null>(null);
  const [instance, setInstance] = useState<InstanceDto | null>(null);

  useEffect(() => {
    http.onExpired = () => setStatus((current) => (current === 'signedIn' ? 'expired' : current));
    let cancelled = false;
    (async () => {
      const info = await http.get<InstanceDto>('/instance', { anonymous: true }).catch(() => null);
      if (cancelled) return;
      setInstance(info);
      if (!http.tokens.hasRefreshToken) return setStatus('signedOut');
      try {
        const me = await http.get<UserDto>('/me');
        if (cancelled) return;
        setUser(me);
        setStatus('signedIn');
      } catch {
        if (!cancelled) setStatus('signedOut');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const start = useCallback(
    (session: AuthSessionDto) => {
      if (user && user.id !== session.user.id) clearDrafts();
      http.tokens.set(session.tokens);
      setUser(session.user);
      setInstance((current) => (current ? { ...current, needsSetup: false } : current));
      setStatus('signedIn');
    },
    [user],
  );

  const forget = useCallback(() => {
    http.tokens.clear();
    clearDrafts();
    setUser(null);
    setStatus('signedOut');
  }, []);

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      instance,
      setUser,
      forget,
      async signIn(email, password) {
        start(await http.post<AuthSessionDto>('/auth/login', { email, password }, { anonymous: true }));
      },
      async signUp(input) {
        start(await http.post<AuthSessionDto>('/auth/register', input, { anonymous: true }));
      },
      async signOut() {
        await http.post('/auth/logout').catch(() => undefined);
        forget();
      },
    }),
    [status, user, instance, start, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
