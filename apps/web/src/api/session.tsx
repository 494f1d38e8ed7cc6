import type {
  AuthSessionDto,
  InstanceDto,
  LoginResultDto,
  PasskeyOptionsDto,
  SecondFactorChallengeDto,
  UserDto,
} from '@hearth/contracts';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

import { disablePushOnThisDevice } from '../pwa/push';
import { forgetOnThisDevice } from '../pwa/service-worker';
import { i18next } from '../i18n';
import { clearDrafts } from '../ui/drafts';
import { myTimeZone } from '../ui/local-time';
import { http } from './http';

/** `offline`: signed in on this device, but Hearth could not be reached to open the session. */
export type SessionStatus = 'loading' | 'signedOut' | 'signedIn' | 'expired' | 'offline';

export interface Session {
  status: SessionStatus;
  user: UserDto | null;
  instance: InstanceDto | null;
  /** Signs in, or returns what the second step needs when the account uses two-step verification. */
  signIn(email: string, password: string): Promise<SecondFactorChallengeDto['secondFactor'] | null>;
  /** Completes a sign-in with a code from the authenticator app or a recovery code. */
  completeSecondFactor(ticket: string, proof: { code: string } | { recoveryCode: string }): Promise<void>;
  /** Completes a sign-in with a passkey (the browser asks for it). */
  completeWithPasskey(ticket: string): Promise<void>;
  signUp(input: { email: string; password: string; displayName: string }): Promise<void>;
  signOut(): Promise<void>;
  setUser(user: UserDto): void;
  /**
   * Forgets everything of the account on this device (after it is deleted, or disowned). `then`: a page to load
   * afresh afterwards, so that nothing of the account stays in this page's memory either.
   */
  forget(then?: string): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<UserDto | null>(null);
  const [instance, setInstance] = useState<InstanceDto | null>(null);

  useEffect(() => {
    http.onExpired = () => setStatus((current) => (current === 'signedIn' ? 'expired' : current));
    let cancelled = false;
    let unreachable = false;
    const open = async () => {
      unreachable = false;
      const info = await http.get<InstanceDto>('/instance', { anonymous: true }).catch(() => null);
      if (cancelled) return;
      if (info) setInstance(info);
      if (!http.tokens.hasRefreshToken) return setStatus('signedOut');
      try {
        const me = await http.get<UserDto>('/me');
        if (cancelled) return;
        setUser(me);
        setStatus('signedIn');
      } catch (error) {
        // No network is not a signed-out person: the app shell stays, with Help now, until the network is back.
        if (cancelled) return;
        unreachable = error instanceof TypeError;
        setStatus(unreachable ? 'offline' : 'signedOut');
      }
    };
    const retry = () => {
      if (unreachable) void open();
    };
    void open();
    window.addEventListener('online', retry);
    return () => {
      cancelled = true;
      window.removeEventListener('online', retry);
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

  const forget = useCallback((then?: string) => {
    http.tokens.clear();
    clearDrafts();
    forgetOnThisDevice();
    const unsubscribed = disablePushOnThisDevice().catch(() => undefined);
    if (then) {
      void unsubscribed.finally(() => window.location.replace(then));
      return;
    }
    setUser(null);
    setStatus('signedOut');
  }, []);

  useEffect(() => {
    http.onDisowned = () => forget();
  }, [forget]);

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      instance,
      setUser,
      forget,
      async signIn(email, password) {
        const result = await http.post<LoginResultDto>(
          '/auth/login',
          { email, password },
          { anonymous: true },
        );
        if ('secondFactor' in result) return result.secondFactor;
        start(result);
        return null;
      },
      async completeSecondFactor(ticket, proof) {
        start(
          await http.post<AuthSessionDto>('/auth/second-factor', { ticket, ...proof }, { anonymous: true }),
        );
      },
      async completeWithPasskey(ticket) {
        const { options, ticket: withChallenge } = await http.post<PasskeyOptionsDto>(
          '/auth/second-factor/passkey-options',
          { ticket },
          { anonymous: true },
        );
        const passkey = await startAuthentication({
          optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
        });
        start(
          await http.post<AuthSessionDto>(
            '/auth/second-factor',
            { ticket: withChallenge, passkey },
            { anonymous: true },
          ),
        );
      },
      async signUp(input) {
        start(await http.post<AuthSessionDto>('/auth/register', input, { anonymous: true }));
        // Her notices, emails, digests and quiet hours start in the language she signed up in and her own time
        // zone, not in English and UTC until she finds the settings.
        await http
          .patch('/me/notification-preferences', {
            language: i18next.resolvedLanguage === 'es' ? 'es' : 'en',
            timeZone: myTimeZone(),
          })
          .catch(() => undefined);
      },
      async signOut() {
        // A shared phone must not keep receiving this person's alerts.
        await disablePushOnThisDevice().catch(() => undefined);
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
