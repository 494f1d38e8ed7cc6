import type { TokenPairDto } from '@hearth/contracts';

const REFRESH_KEY = 'hearth.refresh';
const ACCESS_KEY = 'hearth.access';

/**
 * The session's tokens. The single-use refresh token is kept in localStorage so that a new tab stays signed in.
 * The short-lived access token is kept for this tab in sessionStorage, so that a reload does not spend the
 * refresh token: a reload in the middle of a rotation would otherwise present a spent token, which the server
 * treats as theft and answers by ending the session. Rotation is serialised across tabs with the Web Locks API,
 * so two tabs never spend the same refresh token either.
 */
export class TokenStore {
  private access: { token: string; expiresAt: number } | null = readAccess();
  private readonly listeners = new Set<(token: string | null) => void>();

  get accessToken(): string | null {
    return this.access?.token ?? null;
  }

  get hasRefreshToken(): boolean {
    return localStorage.getItem(REFRESH_KEY) !== null;
  }

  /** True when the access token is missing or ends within a minute. */
  get stale(): boolean {
    return !this.access || this.access.expiresAt - Date.now() < 60_000;
  }

  set(tokens: TokenPairDto): void {
    localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
    this.access = { token: tokens.accessToken, expiresAt: Date.parse(tokens.accessTokenExpiresAt) };
    sessionStorage.setItem(ACCESS_KEY, JSON.stringify(this.access));
    for (const listener of this.listeners) listener(tokens.accessToken);
  }

  clear(): void {
    localStorage.removeItem(REFRESH_KEY);
    sessionStorage.removeItem(ACCESS_KEY);
    this.access = null;
    for (const listener of this.listeners) listener(null);
  }

  onChange(listener: (token: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Exchanges the refresh token for a new pair. Returns false when the session is over (the token was spent,
   * expired or revoked). `exchange` is the HTTP call; it is given the token to present.
   */
  async rotate(exchange: (refreshToken: string) => Promise<TokenPairDto | null>): Promise<boolean> {
    const before = localStorage.getItem(REFRESH_KEY);
    const work = async (): Promise<boolean> => {
      const current = localStorage.getItem(REFRESH_KEY);
      if (!current) return false;
      if (current !== before && this.access && !this.stale) return true;
      const pair = await exchange(current);
      if (!pair) {
        // Another tab may have rotated it meanwhile: only forget the token we presented.
        if (localStorage.getItem(REFRESH_KEY) === current) this.clear();
        return false;
      }
      this.set(pair);
      return true;
    };
    return navigator.locks ? navigator.locks.request('hearth.refresh', work) : work();
  }
}

function readAccess(): { token: string; expiresAt: number } | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(ACCESS_KEY) ?? 'null') as {
      token?: unknown;
      expiresAt?: unknown;
    };
    return typeof saved?.token === 'string' && typeof saved.expiresAt === 'number'
      ? { token: saved.token, expiresAt: saved.expiresAt }
      : null;
  } catch {
    return null;
  }
}
